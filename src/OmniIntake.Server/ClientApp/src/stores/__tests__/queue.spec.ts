import { describe, expect, it } from "vitest";
import type { CaseEvent, CaseSummary } from "@/api/types";
import { createQueueStore } from "../queue";

function summary(id: number, change: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id, number: `TS-${id}`, channel: "chat", status: "received", class: "general", category: null, subject: null, complainantName: null,
    contactId: 1, departmentId: null, relatedCaseId: null, receivedAt: "2026-12-01T01:00:00Z", lastInboundAt: "2026-12-01T01:00:00Z",
    claimedBy: null, mergedIntoId: null, firstForwardedAt: null, forwardDueAt: null, forwardWarnAt: null, forwardState: "pending",
    answerDueAt: null, ...change,
  };
}

function event(position: number, kind: string, caseId: number, data: object = {}): CaseEvent {
  return { position, kind, caseId, caseNumber: `TS-${caseId}`, occurredAt: "2026-12-01T02:00:00Z", data: JSON.stringify(data) };
}

describe("the queue store", () => {
  it("applies a forwarding from the event's payload, without fetching", () => {
    const store = createQueueStore();
    store.load([summary(1)]);
    store.state.lastPosition = 10;
    const outcome = store.apply(event(11, "case.forwarded", 1, { departmentId: 7, department: "物业部", redispatch: false }));
    expect(store.state.cases.get(1)?.status).toBe("forwarded");
    expect(store.state.cases.get(1)?.departmentId).toBe(7);
    expect(outcome.fetchCase).toBeUndefined();
    expect(store.state.lastPosition).toBe(11);
  });

  it("marks a case unread when its customer writes again, unless it is the open one", () => {
    const store = createQueueStore();
    store.load([summary(1), summary(2)]);
    store.state.lastPosition = 1;
    store.select(2);
    expect(store.apply(event(2, "message.received", 1)).contentChanged).toBe(1);
    expect(store.apply(event(3, "message.received", 2)).contentChanged).toBe(2);
    expect([...store.state.unread]).toEqual([1]);
    store.select(1);
    expect(store.state.unread.size).toBe(0);
  });

  it("marks the department's answer and asks for a case it does not know", () => {
    const store = createQueueStore();
    store.load([summary(1, { status: "forwarded" })]);
    store.state.lastPosition = 5;
    store.apply(event(6, "case.answered", 1, { messageId: 3 }));
    expect(store.state.answered.has(1)).toBe(true);
    expect(store.state.cases.get(1)?.status).toBe("answered");
    expect(store.apply(event(7, "case.opened", 9)).fetchCase).toBe(9);
  });

  it("reports a skipped position as a gap and ignores what it has seen", () => {
    const store = createQueueStore();
    store.load([summary(1)]);
    store.state.lastPosition = 5;
    expect(store.apply(event(7, "case.claimed", 1, { claimedBy: "li" })).gap).toBe(true);
    expect(store.state.cases.get(1)?.claimedBy).toBeNull();
    expect(store.apply(event(5, "case.claimed", 1, { claimedBy: "li" }))).toEqual({});
    store.apply(event(6, "case.claimed", 1, { claimedBy: "li" }));
    expect(store.state.cases.get(1)?.claimedBy).toBe("li");
  });

  it("sorts by the deadline owed next, and leaves resolved cases out", () => {
    const store = createQueueStore();
    store.load([
      summary(1, { forwardDueAt: "2026-12-01T05:00:00Z" }),
      summary(2, { forwardDueAt: "2026-12-01T03:00:00Z" }),
      summary(3, { forwardState: "met", status: "forwarded", answerDueAt: "2026-12-01T04:00:00Z" }),
      summary(4, { status: "resolved" }),
    ]);
    expect(store.visible.value.map((c) => c.id)).toEqual([2, 3, 1]);
    store.filter("", "newest");
    expect(store.visible.value.map((c) => c.id)).toEqual([3, 2, 1]);
    store.filter("TS-2");
    expect(store.visible.value.map((c) => c.id)).toEqual([2]);
  });
});
