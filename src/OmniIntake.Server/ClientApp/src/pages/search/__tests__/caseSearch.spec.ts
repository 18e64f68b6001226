import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CaseSearchHit, CaseSearchPage } from "@/api/types";
import { createCaseSearch, debounceMs } from "../caseSearch";

const hit = (id: number, status = "closed"): CaseSearchHit => ({
  id, number: `TS-20261201-${String(id).padStart(5, "0")}`, channel: "phone", status, class: "general", category: null, subject: null,
  complainantName: "赵女士", contactId: 1, departmentId: null, receivedAt: "2026-12-01T02:00:00Z", lastInboundAt: "2026-12-01T02:00:00Z",
  resolvedAt: null, closedAt: null, mergedIntoId: null, claimedBy: null, score: 80, matchedOn: ["phone"],
});

describe("the queue's server-side search", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("waits for a pause in typing, then sends the query as typed with the filters", async () => {
    const search = vi.fn(async (): Promise<CaseSearchPage> => ({ items: [hit(1)], page: 1, pageSize: 25, hasMore: false }));
    const s = createCaseSearch(search);
    s.setQuery("138");
    s.setQuery("138 1234 5678");
    s.setFilter("status", "closed");
    expect(search).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(debounceMs);
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith({ q: "138 1234 5678", status: "closed", page: 1, pageSize: 25 });
    expect(s.state.items.map((h) => h.id)).toEqual([1]);
  });

  it("does not send a one-character query, and says why", async () => {
    const search = vi.fn();
    const s = createCaseSearch(search);
    s.setQuery("赵");
    await vi.advanceTimersByTimeAsync(debounceMs);
    expect(search).not.toHaveBeenCalled();
    expect(s.tooShort.value).toBe(true);
  });

  it("appends the next page and keeps only the newest query's answer", async () => {
    let release: (page: CaseSearchPage) => void = () => undefined;
    const slow = new Promise<CaseSearchPage>((resolve) => (release = resolve));
    const search = vi.fn()
      .mockReturnValueOnce(slow)
      .mockResolvedValueOnce({ items: [hit(2)], page: 1, pageSize: 25, hasMore: true })
      .mockResolvedValueOnce({ items: [hit(3)], page: 2, pageSize: 25, hasMore: false });
    const s = createCaseSearch(search);
    s.setQuery("old query");
    await vi.advanceTimersByTimeAsync(debounceMs);
    s.setQuery("new query");
    await vi.advanceTimersByTimeAsync(debounceMs);
    release({ items: [hit(9)], page: 1, pageSize: 25, hasMore: false });
    await vi.runAllTimersAsync();
    expect(s.state.items.map((h) => h.id)).toEqual([2]);
    await s.more();
    expect(s.state.items.map((h) => h.id)).toEqual([2, 3]);
    expect(search).toHaveBeenLastCalledWith({ q: "new query", page: 2, pageSize: 25 });
    expect(s.state.hasMore).toBe(false);
  });
});
