import { computed, reactive } from "vue";
import { ApiError, api } from "@/api/client";
import type { CaseSearchHit } from "@/api/types";

/** The filters beside the query; empty strings are "any". */
export interface SearchFilters {
  status: string;
  channel: string;
  class: string;
  category: string;
  departmentId: string;
  from: string;
  to: string;
}

export const emptyFilters = (): SearchFilters => ({ status: "", channel: "", class: "", category: "", departmentId: "", from: "", to: "" });

/** The server refuses a one-character query (search.query-length): the box waits for a second one. */
export const minQueryLength = 2;
export const debounceMs = 300;
const pageSize = 25;

/**
 * Server-side search from the queue (issue 15 item 1): every status, debounced while the agent types, paged ("more"),
 * the query sent as typed (the hub normalises phones: "138 1234 5678", "+86 13812345678"). An older answer that
 * arrives after a newer query is dropped, so the list always shows what the box says.
 */
export function createCaseSearch(search = api.search) {
  const state = reactive({
    query: "",
    filters: emptyFilters(),
    items: [] as CaseSearchHit[],
    page: 1,
    hasMore: false,
    loading: false,
    /** A stable problem code (search.*) or "failed"; rendered by the page in the user's language. */
    error: "" as string,
    errorDetail: "",
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const active = computed(() => state.query.trim().length > 0 || Object.values(state.filters).some((v) => v !== ""));
  const tooShort = computed(() => state.query.trim().length > 0 && state.query.trim().length < minQueryLength);

  function params(page: number): Record<string, string | number> {
    const p: Record<string, string | number> = { page, pageSize };
    const q = state.query.trim();
    if (q.length >= minQueryLength) p.q = q;
    for (const [key, value] of Object.entries(state.filters)) if (value !== "") p[key] = value;
    return p;
  }

  async function run(page: number): Promise<void> {
    const mine = ++generation;
    if (!active.value || tooShort.value) {
      state.items = [];
      state.hasMore = false;
      state.loading = false;
      state.error = "";
      return;
    }
    state.loading = true;
    try {
      const answer = await search(params(page));
      if (mine !== generation) return;
      state.items = page === 1 ? answer.items : [...state.items, ...answer.items];
      state.page = answer.page;
      state.hasMore = answer.hasMore;
      state.error = "";
    } catch (e) {
      if (mine !== generation) return;
      state.error = e instanceof ApiError && e.problem.code ? e.problem.code : "failed";
      state.errorDetail = (e as Error).message;
    } finally {
      if (mine === generation) state.loading = false;
    }
  }

  /** The query or a filter changed: search again after a pause in typing. */
  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void run(1), debounceMs);
  }

  function setQuery(query: string): void {
    state.query = query;
    schedule();
  }

  function setFilter(key: keyof SearchFilters, value: string): void {
    state.filters[key] = value;
    schedule();
  }

  function more(): Promise<void> {
    return run(state.page + 1);
  }

  function clear(): void {
    clearTimeout(timer);
    state.query = "";
    state.filters = emptyFilters();
    void run(1);
  }

  return { state, active, tooShort, setQuery, setFilter, more, clear, runNow: () => run(1) };
}

export type CaseSearch = ReturnType<typeof createCaseSearch>;
