import { HubConnectionBuilder, type HubConnection } from "@microsoft/signalr";
import { ref } from "vue";
import { api } from "@/api/client";
import type { CaseEvent, CatchUpPage } from "@/api/types";
import type { EventOutcome, QueueStore } from "@/stores/queue";

export type LiveState = "connecting" | "live" | "offline";

/**
 * The agents' hub (/hubs/agents): each pushed event goes to the store; a gap or a reconnect catches up from the last
 * position seen (SignalR promises no delivery across a reconnect; AgentHub.CatchUp).
 */
export function connectLive(store: QueueStore, onOutcome: (outcome: EventOutcome) => void) {
  const status = ref<LiveState>("connecting");
  const connection: HubConnection = new HubConnectionBuilder().withUrl("/hubs/agents").withAutomaticReconnect().build();
  let catchingUp: Promise<void> | null = null;

  async function catchUp(): Promise<void> {
    for (;;) {
      const page = await connection.invoke<CatchUpPage>("CatchUp", store.state.lastPosition);
      for (const e of page.events) onOutcome(store.apply(e));
      if (!page.hasMore) return;
    }
  }

  function receive(event: CaseEvent): void {
    const outcome = store.apply(event);
    if (outcome.gap) {
      catchingUp ??= catchUp().finally(() => (catchingUp = null));
      return;
    }
    onOutcome(outcome);
  }

  connection.on("event", receive);
  connection.onreconnecting(() => (status.value = "offline"));
  connection.onreconnected(async () => {
    status.value = "live";
    await catchUp();
  });

  async function start(): Promise<void> {
    // The head first, then the queue, then the push from the head: nothing between them is missed.
    store.state.lastPosition = (await api.events(0, 1)).head;
    await connection.start();
    status.value = "live";
  }

  return { hub: connection, status, start, stop: () => connection.stop(), typing: (caseId: number) => connection.invoke("Typing", caseId).catch(() => undefined) };
}
