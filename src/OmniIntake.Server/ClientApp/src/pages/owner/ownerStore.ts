import { computed, reactive } from "vue";
import type { CaseSummary } from "@/api/types";

/** Where a case stands against the department's answer window (policy 5.2.5), by the policy's own at-risk moment. */
export type AnswerStanding = "none" | "ok" | "atRisk" | "overdue";

/**
 * At risk from the deadline's warn moment on (Core/Policy AtRisk: a share of the window, of WORKING time where the
 * window is counted in working hours), overdue from its due moment; a case without an owed answer has none. Not
 * "less than an hour left", which the old page used and the policy does not say.
 */
export function answerStanding(c: Pick<CaseSummary, "answerDueAt" | "answerWarnAt">, now: number): AnswerStanding {
  if (!c.answerDueAt) return "none";
  if (now >= Date.parse(c.answerDueAt)) return "overdue";
  if (c.answerWarnAt && now >= Date.parse(c.answerWarnAt)) return "atRisk";
  return "ok";
}

/**
 * The owner's list of the department's cases. The live feed names a case that changed; the page re-reads that one
 * case through the owner's scope and hands the result here: a summary replaces the row, "gone" drops it.
 */
export function createOwnerStore() {
  const state = reactive({
    cases: new Map<number, CaseSummary>(),
    /** Cases that arrived while the page was open (marked until opened). */
    arrived: new Set<number>(),
    /** Open cases that left the department while open (the page says so). */
    gone: new Set<number>(),
    selectedId: null as number | null,
    loaded: false,
  });

  function load(list: CaseSummary[]): void {
    const keep = new Set(list.map((c) => c.id));
    for (const id of [...state.cases.keys()]) if (!keep.has(id)) state.cases.delete(id);
    for (const c of list) state.cases.set(c.id, c);
    state.loaded = true;
  }

  /** A case read again after a live signal. */
  function update(summary: CaseSummary): void {
    if (state.loaded && !state.cases.has(summary.id) && state.selectedId !== summary.id) state.arrived.add(summary.id);
    state.cases.set(summary.id, summary);
    state.gone.delete(summary.id);
  }

  /** The case is no longer the department's (sent back, re-dispatched, resolved). */
  function drop(id: number): void {
    state.cases.delete(id);
    state.arrived.delete(id);
    if (state.selectedId === id) state.gone.add(id);
  }

  function select(id: number | null): void {
    state.selectedId = id;
    if (id !== null) state.arrived.delete(id);
  }

  /** Soonest answer due first; cases owing none (answered) after them, newest first. */
  const visible = computed(() =>
    [...state.cases.values()].sort((a, b) => {
      const da = a.answerDueAt ? Date.parse(a.answerDueAt) : Number.MAX_SAFE_INTEGER;
      const db = b.answerDueAt ? Date.parse(b.answerDueAt) : Number.MAX_SAFE_INTEGER;
      return da - db || b.id - a.id;
    }),
  );

  return { state, load, update, drop, select, visible };
}

export type OwnerStore = ReturnType<typeof createOwnerStore>;
