import { computed, reactive } from "vue";
import type { QueuePage } from "@/api/types";
import type { QueueStore } from "@/stores/queue";

/** Pages the list fetches ahead of the last rendered row: the next page arrives before the agent reaches the end. */
export const LOAD_AHEAD = 40;

/**
 * The queue's pages (issue 14 item 6): GET /api/cases/queue returns the open cases in the queue's own order (deadline),
 * a page at a time, with the total and the next page's cursor. The first page fills the store; the list asks for more as
 * the agent scrolls near the end of what is loaded; one request at a time, a failed one can be retried.
 */
export function createQueuePager(store: QueueStore, fetchPage: (after: string | null) => Promise<QueuePage>) {
  const state = reactive({
    started: false,
    loading: false,
    failed: false,
    /** Open cases on the server at the last page's reading. */
    total: 0,
    next: null as string | null,
  });

  async function load(after: string | null): Promise<void> {
    state.loading = true;
    state.failed = false;
    try {
      const page = await fetchPage(after);
      store.load(page.cases);
      state.total = page.total;
      state.next = page.next ?? null;
      state.started = true;
    } catch (error) {
      state.failed = true;
      if (!state.started) throw error;
    } finally {
      state.loading = false;
    }
  }

  /** The first page (the queue's top). */
  const first = (): Promise<void> => load(null);

  /** The next page, unless one is on its way, the last was read, or the previous attempt failed (retry() then). */
  async function more(): Promise<void> {
    if (!state.started || state.loading || state.failed || state.next === null) return;
    await load(state.next);
  }

  async function retry(): Promise<void> {
    if (state.loading) return;
    await load(state.started ? state.next : null);
  }

  /** Every open case is loaded: counts are the list's own. */
  const complete = computed(() => state.started && state.next === null);

  return { state, first, more, retry, complete };
}

export type QueuePager = ReturnType<typeof createQueuePager>;
