import { api } from "@/api/client";
import type { CaseEvent, CatchUpPage } from "@/api/types";
import type { EventOutcome, QueueStore } from "@/stores/queue";
import { liveConnection } from "./liveConnection";

export type { LiveState } from "./liveConnection";

/**
 * The agents' hub (/hubs/agents): each pushed event goes to the store; a gap or a reconnect catches up from the last
 * position seen (SignalR promises no delivery across a reconnect; AgentHub.CatchUp).
 */
export function connectLive(store: QueueStore, onOutcome: (outcome: EventOutcome) => void) {
  let catchingUp: Promise<void> | null = null;

  async function catchUp(): Promise<void> {
    for (;;) {
      const page = await live.hub.invoke<CatchUpPage>("CatchUp", store.state.lastPosition);
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

  const live = liveConnection("/hubs/agents", {
    on: { event: receive },
    // The head first, then the queue, then the push from the head: nothing between them is missed.
    beforeStart: async () => {
      store.state.lastPosition = (await api.events(0, 1)).head;
    },
    reconnected: catchUp,
  });

  return { ...live, typing: (caseId: number) => live.hub.invoke("Typing", caseId).catch(() => undefined) };
}
