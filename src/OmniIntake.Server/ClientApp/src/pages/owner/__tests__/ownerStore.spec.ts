import { describe, expect, it } from "vitest";
import type { CaseSummary } from "@/api/types";
import { chatCase } from "@/pages/case/__tests__/fixtures";
import { answerStanding, createOwnerStore } from "../ownerStore";

function forwarded(id: number, answerDueAt: string | null, answerWarnAt: string | null = null): CaseSummary {
  return { ...chatCase().case, id, number: `TS-20261201-${String(id).padStart(5, "0")}`, status: "forwarded", departmentId: 3, answerDueAt, answerWarnAt };
}

describe("the owner's at-risk rule (the policy's warn moment, not an hour before)", () => {
  const due = "2026-12-01T08:00:00Z";
  const warn = "2026-12-01T07:12:00Z"; // 80% of a 4-hour window forwarded at 04:00
  it("is fine before the warn moment even with less than an hour left on the clock of another rule", () => {
    expect(answerStanding({ answerDueAt: due, answerWarnAt: warn }, Date.parse("2026-12-01T07:11:00Z"))).toBe("ok");
  });
  it("is at risk from the warn moment, even with more than an hour left", () => {
    const wideWarn = "2026-12-01T06:00:00Z";
    expect(answerStanding({ answerDueAt: due, answerWarnAt: wideWarn }, Date.parse("2026-12-01T06:30:00Z"))).toBe("atRisk");
  });
  it("is overdue from the due moment, and has none when no answer is owed", () => {
    expect(answerStanding({ answerDueAt: due, answerWarnAt: warn }, Date.parse(due))).toBe("overdue");
    expect(answerStanding({ answerDueAt: null, answerWarnAt: null }, Date.now())).toBe("none");
  });
});

describe("the owner's case list", () => {
  it("lists the soonest answer first and answered cases last", () => {
    const store = createOwnerStore();
    store.load([forwarded(1, "2026-12-01T09:00:00Z"), forwarded(2, null), forwarded(3, "2026-12-01T08:00:00Z")]);
    expect(store.visible.value.map((c) => c.id)).toEqual([3, 1, 2]);
  });

  it("marks a case that arrives live until it is opened, but not the ones loaded with the page", () => {
    const store = createOwnerStore();
    store.load([forwarded(1, "2026-12-01T09:00:00Z")]);
    store.update(forwarded(1, "2026-12-01T09:00:00Z"));
    store.update(forwarded(7, "2026-12-01T10:00:00Z"));
    expect([...store.state.arrived]).toEqual([7]);
    store.select(7);
    expect(store.state.arrived.size).toBe(0);
  });

  it("drops a case that left the department and says so when it was open", () => {
    const store = createOwnerStore();
    store.load([forwarded(1, "2026-12-01T09:00:00Z"), forwarded(2, "2026-12-01T09:30:00Z")]);
    store.select(2);
    store.drop(1);
    store.drop(2);
    expect(store.visible.value).toEqual([]);
    expect([...store.state.gone]).toEqual([2]);
  });

  it("a reload replaces the list: cases no longer listed go", () => {
    const store = createOwnerStore();
    store.load([forwarded(1, null), forwarded(2, null)]);
    store.load([forwarded(2, null)]);
    expect(store.visible.value.map((c) => c.id)).toEqual([2]);
  });
});
