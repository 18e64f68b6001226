import { HubConnectionBuilder, type HubConnection } from "@microsoft/signalr";
import { ref, type Ref } from "vue";
import { pushes, subscribe, type Handlers, type HubClients, type HubPath, type TypedPushes } from "./messages";

/** What a page says about its live feed: connecting, live, or cut off (and reconnecting by itself). */
export type LiveState = "connecting" | "live" | "offline";

/** What a page does with a hub: its pushed methods, and what to catch up on after a reconnect. */
export interface LiveHandlers<C> {
  /** The hub's pushed methods the page hears, by their wire names and typed (messages.ts, checked against hub-contract.json). */
  on: Handlers<C>;
  /** Run before connecting (e.g. read the event head, so nothing between the read and the push is missed). */
  beforeStart?: () => Promise<void>;
  /** SignalR promises no delivery across a reconnect: the page catches up here. */
  reconnected?: () => unknown;
}

export interface LiveConnection<C = unknown> {
  hub: HubConnection;
  /** Subscribing later (a component of the page): typed like the handlers. */
  pushes: TypedPushes<C>;
  status: Ref<LiveState>;
  /** Connects; never throws: a hub that cannot be reached is said as offline. */
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

const signalR = (url: string): HubConnection => new HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build();

/**
 * One live connection to a hub of the workspace (issue 14): the connect / reconnect / status block the queue, the owner
 * page and the board shared by copy. The status is what the page shows in words (messages live.*).
 */
export function liveConnection<P extends HubPath>(url: P, handlers: LiveHandlers<HubClients[P]>,
  build: (url: string) => HubConnection = signalR): LiveConnection<HubClients[P]> {
  const status = ref<LiveState>("connecting");
  const hub = build(url);
  subscribe(hub, handlers.on);
  hub.onreconnecting(() => (status.value = "offline"));
  hub.onreconnected(async () => {
    status.value = "live";
    await handlers.reconnected?.();
  });
  hub.onclose(() => (status.value = "offline"));

  async function start(): Promise<void> {
    status.value = "connecting";
    try {
      await handlers.beforeStart?.();
      await hub.start();
      status.value = "live";
    } catch {
      status.value = "offline";
    }
  }

  return { hub, pushes: pushes<HubClients[P]>(hub), status, start, stop: () => hub.stop() };
}
