import type { CaseSummary } from "@/api/types";

/** An open case as GET /api/cases lists it; its forwarding falls due <id> minutes after a fixed start. */
export function openCase(id: number, change: Partial<CaseSummary> = {}): CaseSummary {
  const due = new Date(Date.UTC(2026, 11, 1, 1, 0) + id * 60_000).toISOString();
  return {
    id, number: `TS-${id}`, channel: "chat", status: "received", class: "general", category: null, subject: `第${id}号投诉`, complainantName: "王先生",
    contactId: 1, departmentId: null, relatedCaseId: null, receivedAt: "2026-12-01T01:00:00Z", lastInboundAt: "2026-12-01T01:00:00Z",
    claimedBy: null, mergedIntoId: null, firstForwardedAt: null, forwardDueAt: due, forwardWarnAt: null, forwardState: "pending",
    answerDueAt: null, ...change,
  };
}
