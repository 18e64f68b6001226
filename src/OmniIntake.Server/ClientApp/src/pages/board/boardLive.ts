import type { CaseEvent } from "@/api/types";
import { liveConnection } from "@/live/liveConnection";

/**
 * The board's live feed: the agents' hub (/hubs/agents) pushes every case event; each one is a signal to re-read the
 * board (the owners' pattern: a signal, then a read), several arriving together are read once. A deadline turning at
 * risk or breached is an event too (deadline.atRisk, deadline.breached), so nothing needs polling (issue 14 item 5).
 */
export function connectBoardLive(onEvent: (event: CaseEvent) => void, reread: () => Promise<void>, quietMs = 300) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let reading: Promise<void> | null = null;
  let again = false;

  function soon(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      if (reading) {
        again = true;
        return;
      }
      reading = reread().finally(() => {
        reading = null;
        if (again) {
          again = false;
          soon();
        }
      });
    }, quietMs);
  }

  const { status, start, stop } = liveConnection("/hubs/agents", {
    on: {
      event: (event: CaseEvent) => {
        onEvent(event);
        soon();
      },
    },
    // SignalR promises nothing across a reconnect: read the whole board again.
    reconnected: soon,
  });

  return {
    status,
    start,
    stop: () => {
      if (timer) clearTimeout(timer);
      return stop();
    },
  };
}
