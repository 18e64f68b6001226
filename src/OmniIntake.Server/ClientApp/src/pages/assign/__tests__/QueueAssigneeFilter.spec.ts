import { describe, expect, it } from "vitest";
import { chatCase } from "@/pages/case/__tests__/fixtures";
import { createQueueStore } from "@/stores/queue";

describe("the queue's mine / unassigned filter", () => {
  it("follows an assignment pushed live: the case becomes mine, and leaves the unassigned list", () => {
    const store = createQueueStore();
    const base = chatCase().case;
    store.load([base, { ...base, id: 43, number: "TS-20261201-0043", claimedBy: "li", claimedByName: "李强" }]);
    store.state.lastPosition = 10;

    store.showAssigned("mine", "wang");
    expect(store.visible.value.map((c) => c.id)).toEqual([]);
    store.showAssigned("unassigned", "wang");
    expect(store.visible.value.map((c) => c.id)).toEqual([42]);

    store.apply({
      position: 11, kind: "case.claimed", caseId: 42, caseNumber: base.number, occurredAt: "2026-12-01T02:20:00Z",
      data: JSON.stringify({ claimedBy: "wang", claimedByName: "王芳", assignedBy: "only-supervisor" }),
    });

    expect(store.visible.value.map((c) => c.id)).toEqual([]);
    store.showAssigned("mine", "wang");
    expect(store.visible.value.map((c) => [c.id, c.claimedByName])).toEqual([[42, "王芳"]]);
    store.showAssigned("all", "wang");
    expect(store.visible.value).toHaveLength(2);
  });
});
