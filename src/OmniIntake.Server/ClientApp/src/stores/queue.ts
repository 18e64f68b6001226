import { computed, reactive } from "vue";
import type { CaseEvent, CaseSummary } from "@/api/types";

/** Statuses the queue shows (open work). */
const openStatuses = new Set(["received", "forwarded", "answered"]);

export type QueueSort = "deadline" | "newest";

/** What the store could not learn from an event's payload: the caller fetches it (one case, never the queue). */
export interface EventOutcome {
  /** The case is new to this client or its payload lacks what the list shows: fetch this case's summary. */
  fetchCase?: number;
  /** The case's content changed (a message, a note, an answer): the open case view reloads its file. */
  contentChanged?: number;
  /** A position was skipped: catch up from the last one seen. */
  gap?: boolean;
}

function payload(event: CaseEvent): Record<string, unknown> {
  try {
    return JSON.parse(event.data) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * The agent's queue, fed by the live events' payloads (deltas): each event changes the one case it names; positions
 * are dense (README "Event positions"), so a skipped one is noticed and caught up.
 */
export function createQueueStore() {
  const state = reactive({
    cases: new Map<number, CaseSummary>(),
    unread: new Set<number>(),
    answered: new Set<number>(),
    lastPosition: 0,
    selectedId: null as number | null,
    sort: "deadline" as QueueSort,
    search: "",
    /** Issue 15 item 5: all open cases, mine (held by `me`) or unassigned. */
    assignee: "all" as "all" | "mine" | "unassigned",
    me: "",
  });

  function load(list: CaseSummary[]): void {
    for (const c of list) state.cases.set(c.id, c);
  }

  function upsert(summary: CaseSummary): void {
    state.cases.set(summary.id, summary);
  }

  function patch(id: number, change: Partial<CaseSummary>): boolean {
    const current = state.cases.get(id);
    if (!current) return false;
    state.cases.set(id, { ...current, ...change });
    return true;
  }

  function select(id: number | null): void {
    state.selectedId = id;
    if (id !== null) state.unread.delete(id);
  }

  /** Applies one pushed event; returns what must still be fetched. Events at or before the last position are ignored. */
  function apply(event: CaseEvent): EventOutcome {
    if (event.position <= state.lastPosition) return {};
    if (state.lastPosition > 0 && event.position > state.lastPosition + 1) return { gap: true };
    state.lastPosition = event.position;
    const data = payload(event);
    const id = event.caseId;
    const known = state.cases.has(id);
    switch (event.kind) {
      case "case.opened":
        return { fetchCase: id };
      case "message.received":
        if (known) {
          patch(id, { lastInboundAt: event.occurredAt });
          if (state.selectedId !== id) state.unread.add(id);
        }
        return known ? { contentChanged: id } : { fetchCase: id };
      case "case.forwarded":
        patch(id, { status: "forwarded", departmentId: (data.departmentId as number | undefined) ?? null });
        state.answered.delete(id);
        return known ? { contentChanged: id } : { fetchCase: id };
      case "case.answered":
        patch(id, { status: "answered" });
        state.answered.add(id);
        return { contentChanged: id };
      case "case.classified":
        patch(id, {
          ...(typeof data.class === "string" ? { class: data.class } : {}),
          ...(typeof data.category === "string" ? { category: data.category } : {}),
        });
        return { contentChanged: id };
      case "case.claimed":
        patch(id, { claimedBy: (data.claimedBy as string | null | undefined) ?? null });
        patch(id, { claimedByName: (data.claimedByName as string | null | undefined) ?? null });
        return {};
      case "case.resolved":
        patch(id, { status: "resolved" });
        return { contentChanged: id };
      case "case.closed":
        patch(id, { status: "closed" });
        return { contentChanged: id };
      case "case.merged":
        patch(id, { status: "merged" });
        return { contentChanged: id };
      case "case.reopened":
      case "case.sent-back":
        // The payload does not say which status or deadline follows: fetch this one case.
        return { fetchCase: id, contentChanged: id };
      default:
        return { contentChanged: id };
    }
  }

  /** Time left on what the case owes next (forwarding, then the department's answer); open cases without one last. */
  function dueOf(c: CaseSummary): number {
    const due = c.forwardState === "pending" || (!c.forwardState && c.forwardDueAt) ? c.forwardDueAt : c.answerDueAt;
    return due ? Date.parse(due) : Number.MAX_SAFE_INTEGER;
  }

  const visible = computed(() => {
    const q = state.search.trim().toLowerCase();
    const list = [...state.cases.values()].filter(
      (c) =>
        (openStatuses.has(c.status) || c.id === state.selectedId) &&
        (state.assignee === "all" || (state.assignee === "mine" ? c.claimedBy === state.me : !c.claimedBy) || c.id === state.selectedId) &&
        (!q || [c.number, c.subject, c.complainantName].some((v) => (v ?? "").toLowerCase().includes(q))),
    );
    return state.sort === "deadline" ? list.sort((a, b) => dueOf(a) - dueOf(b) || b.id - a.id) : list.sort((a, b) => b.id - a.id);
  });

  function filter(search: string, sort: QueueSort = state.sort): void {
    state.search = search;
    state.sort = sort;
  }

  /** Issue 15 item 5: show all open cases, those `me` holds, or those nobody holds. */
  function showAssigned(choice: "all" | "mine" | "unassigned", me: string): void {
    state.assignee = choice;
    state.me = me;
  }

  return { state, load, upsert, patch, select, apply, filter, visible, showAssigned };
}

export type QueueStore = ReturnType<typeof createQueueStore>;
