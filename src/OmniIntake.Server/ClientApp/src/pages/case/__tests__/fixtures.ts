import type { CaseDetail } from "@/api/types";
import { makeI18n } from "@/i18n";

export const i18nZh = () => makeI18n("zh-CN");

/** A case registered by the web chat dialog, as GET /api/cases/{key} returns it. */
export function chatCase(): CaseDetail {
  return {
    case: {
      id: 42, number: "TS-20261201-0042", channel: "chat", status: "received", class: "general", category: "property-management",
      subject: "电梯坏了", complainantName: "王小明", contactId: 9, departmentId: null, relatedCaseId: null,
      receivedAt: "2026-12-01T02:00:00Z", lastInboundAt: "2026-12-01T02:05:00Z", claimedBy: null, mergedIntoId: null,
      firstForwardedAt: null, forwardDueAt: "2026-12-01T02:30:00Z", forwardWarnAt: "2026-12-01T02:24:00Z", forwardState: "pending", answerDueAt: null,
    },
    fields: {
      complainantName: "王小明", contactPhone: "+8613800138000", contactEmail: null, occurredAt: "昨天晚上", location: "3号楼电梯",
      customerRequest: "尽快修好",
    },
    messages: [
      { id: 1, direction: "inbound", channel: "chat", sender: "chat:abc", author: null, subject: null, bodyText: "电梯坏了 <b>三天</b>",
        createdAt: "2026-12-01T02:00:00Z", deliveryStatus: null, deliveryError: null, notices: "[]", quoteStart: null },
      { id: 2, direction: "outbound", channel: "chat", sender: "agent", author: "li", subject: null, bodyText: "已通知物业",
        createdAt: "2026-12-01T02:10:00Z", deliveryStatus: "sent", deliveryError: null, notices: "[]", quoteStart: null },
      { id: 3, direction: "note", channel: "chat", sender: "agent", author: "li", subject: null, bodyText: "客户很着急",
        createdAt: "2026-12-01T02:11:00Z", deliveryStatus: null, deliveryError: null, notices: "[]", quoteStart: null },
      { id: 4, direction: "internal", channel: "chat", sender: "owner", author: "zhao", subject: null, bodyText: "明天修",
        createdAt: "2026-12-01T03:00:00Z", deliveryStatus: null, deliveryError: null, notices: "[]", quoteStart: null },
    ],
    audit: [],
    deadlines: [
      { id: 5, kind: "forward", dueAt: "2099-12-01T02:30:00Z", rule: "policy 5.2.2: received in working hours: forward within 30 minutes",
        ruleCode: { code: "policy.5.2.2.working-hours", parameters: { windowMinutes: 30 } }, state: "pending", closedAt: null, warnAt: null },
    ],
    contactHandles: ["chat:abc"],
  };
}
