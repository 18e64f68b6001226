import { HubConnectionBuilder, type HubConnection } from "@microsoft/signalr";
import { ref } from "vue";
import type { LiveState } from "@/live/connection";

/** What the owners' hub pushes (Live/OwnerHub: OwnerSignal): which case of the department changed, no content. */
export interface OwnerSignal {
  position: number;
  kind: string;
  caseId: number;
}

/**
 * The owners' hub (/hubs/owners): each signal names one case to re-read; after a reconnect the list is re-read
 * whole (SignalR promises no delivery across a reconnect). No polling (issue 14).
 */
export function connectOwnerLive(onSignal: (signal: OwnerSignal) => void, onReconnected: () => void) {
  const status = ref<LiveState>("connecting");
  const connection: HubConnection = new HubConnectionBuilder().withUrl("/hubs/owners").withAutomaticReconnect().build();
  connection.on("changed", onSignal);
  connection.onreconnecting(() => (status.value = "offline"));
  connection.onreconnected(() => {
    status.value = "live";
    onReconnected();
  });
  connection.onclose(() => (status.value = "offline"));

  async function start(): Promise<void> {
    try {
      await connection.start();
      status.value = "live";
    } catch {
      status.value = "offline";
    }
  }

  return { status, start, stop: () => connection.stop() };
}
