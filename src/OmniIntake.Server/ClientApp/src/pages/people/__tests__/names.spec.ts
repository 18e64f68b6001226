import { mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import type { AuditEntry, Message } from "@/api/types";
import { makeI18n } from "@/i18n";
import ConversationList from "@/pages/case/ConversationList.vue";
import { chatCase, i18nZh } from "@/pages/case/__tests__/fixtures";
import CaseHistory from "@/pages/history/CaseHistory.vue";
import { setStaffNames } from "../staffNames";

const call: Message = {
  id: 9, direction: "inbound", channel: "phone", sender: "phone:13900139000", author: "admin", subject: null, bodyText: "楼道灯不亮",
  createdAt: "2026-12-01T02:00:00Z", deliveryStatus: null, deliveryError: null, notices: "[]", quoteStart: null,
};

afterEach(() => setStaffNames({}));

describe("staff are named by their display names", () => {
  it("shows a call's caller and, secondary, who registered it; staff messages by display name", () => {
    setStaffNames({ admin: "系统管理员", li: "李客服" });
    const wrapper = mount(ConversationList, {
      props: { messages: [call, ...chatCase().messages], dialog: [], caller: "李女士" },
      global: { plugins: [i18nZh()] },
    });
    const who = wrapper.findAll(".messages .who").map((w) => w.text().split(" · ").slice(0, 2).join(" · "));
    expect(who[0]).toBe("李女士 · 由 系统管理员 登记");
    expect(who[1]).toMatch(/^客户 · /); // the customer's own chat message names no staff
    expect(who[2]).toBe("客服 · 李客服");
  });

  it("says 来电人 / Caller when the case names no complainant, and the username for an account it does not know", () => {
    setStaffNames({});
    const zh = mount(ConversationList, { props: { messages: [call], dialog: [], caller: null }, global: { plugins: [i18nZh()] } });
    expect(zh.get(".who").text()).toContain("来电人 · 由 admin 登记");
    const en = mount(ConversationList, { props: { messages: [call], dialog: [] }, global: { plugins: [makeI18n("en")] } });
    expect(en.get(".who").text()).toContain("Caller · registered by admin");
  });

  it("names the actor of each history entry by display name", () => {
    setStaffNames({ li: "李客服" });
    const audit: AuditEntry[] = [{ id: 1, action: "case.forwarded", actor: "li", at: "2026-12-01T02:00:00Z", detail: "" } as AuditEntry];
    const wrapper = mount(CaseHistory, { props: { audit }, global: { plugins: [i18nZh()] } });
    expect(wrapper.get("[data-action='case.forwarded']").text()).toContain("李客服");
  });
});
