import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CustomerProfile } from "@/api/types";
import CustomerPanel from "../CustomerPanel.vue";
import { i18nZh } from "@/pages/case/__tests__/fixtures";

const profile = (): CustomerProfile => ({
  contactId: 9, name: "赵女士", contacts: [{ id: 9, name: "赵女士", createdAt: "2026-11-01T00:00:00Z" }],
  handles: [{ kind: "phone", value: "+8613812345678", contactId: 9 }], links: [], repeatComplainant: true, openCases: 1, moreCases: false,
  cases: [
    { id: 42, number: "TS-20261201-00042", channel: "phone", status: "received", class: "important", category: null, subject: "又收错了", contactId: 9,
      receivedAt: "2026-12-01T02:00:00Z", resolvedAt: null, closedAt: null, mergedIntoId: null, satisfaction: null, solved: null, repeat: true, current: true },
    { id: 7, number: "TS-20261101-00007", channel: "chat", status: "closed", class: "general", category: null, subject: "停车费", contactId: 9,
      receivedAt: "2026-11-01T02:00:00Z", resolvedAt: "2026-11-02T02:00:00Z", closedAt: "2026-11-03T02:00:00Z", mergedIntoId: null,
      satisfaction: 4, solved: true, repeat: false, current: false },
  ],
});

describe("the customer panel", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the person's handles and every case with its outcome, the repeat complaint flagged", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json(profile())));
    const panel = mount(CustomerPanel, { props: { caseId: 42 }, global: { plugins: [i18nZh()], stubs: { RouterLink: { template: "<a><slot /></a>" } } } });
    await flushPromises();
    expect(panel.get("[data-test=repeat-complainant]").text()).toBe("重复投诉");
    expect(panel.text()).toContain("+8613812345678");
    const current = panel.get("[data-case=TS-20261201-00042]").text();
    expect(current).toContain("处理后再次投诉");
    expect(current).toContain("（当前案件）");
    const earlier = panel.get("[data-case=TS-20261101-00007]").text();
    expect(earlier).toContain("已关闭");
    expect(earlier).toContain("网页在线咨询");
    expect(earlier).toContain("客户确认已解决");
    expect(earlier).toContain("满意度 4/5");
    expect(earlier).not.toContain("处理后再次投诉");
  });

  it("links another contact found by phone only after a reason and a confirmation", async () => {
    const posted: unknown[] = [];
    vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith("/api/cases/search")) return Response.json({ items: [
        { id: 50, number: "TS-20261120-00050", channel: "letter", status: "resolved", class: "general", complainantName: "赵女士", contactId: 12, matchedOn: ["phone"] },
        { id: 42, number: "TS-20261201-00042", channel: "phone", status: "received", class: "general", complainantName: "赵女士", contactId: 9, matchedOn: ["phone"] },
      ], page: 1, pageSize: 50, hasMore: false });
      if (url.startsWith("/api/contacts?")) return Response.json([]);
      if (url === "/api/contacts/9/links") {
        posted.push(JSON.parse(String(init?.body)));
        return Response.json({ linkId: 3 }, { status: 201 });
      }
      return Response.json(profile());
    }));
    const panel = mount(CustomerPanel, { props: { caseId: 42 }, global: { plugins: [i18nZh()], stubs: { RouterLink: { template: "<a><slot /></a>" } } } });
    await flushPromises();
    await panel.get("[data-test=link-contact]").trigger("click");
    await panel.get("[data-test=find-contact]").setValue("138 1234 5678");
    await panel.get("form.link-form").trigger("submit");
    await flushPromises();
    // The person's own contact (9) is not offered.
    expect(panel.findAll("input[type=radio]")).toHaveLength(1);
    await panel.get("input[type=radio]").setValue(true);
    await panel.get("[data-test=confirm-link]").trigger("click");
    expect(panel.get("[role=alert]").text()).toBe("请填写关联原因。");
    expect(posted).toEqual([]);
    await panel.get("[data-test=link-reason]").setValue("来信署名与来电一致");
    await panel.get("[data-test=confirm-link]").trigger("click");
    await flushPromises();
    expect(posted).toEqual([{ otherContactId: 12, reason: "来信署名与来电一致" }]);
  });
  it("finds a contact that has no case yet by its handle, and links it", async () => {
    const posted: unknown[] = [];
    vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith("/api/cases/search")) return Response.json({ items: [], page: 1, pageSize: 50, hasMore: false });
      if (url.startsWith("/api/contacts?")) {
        expect(new URLSearchParams(url.split("?")[1]).get("q")).toBe("wx-zhao");
        return Response.json([
          { contactId: 9, name: "赵女士", cases: 2, handles: [{ kind: "chat", value: "wx-zhao", contactId: 9 }] },
          { contactId: 31, name: null, cases: 0, handles: [{ kind: "chat", value: "wx-zhao", contactId: 31 }] },
        ]);
      }
      if (url === "/api/contacts/9/links") {
        posted.push(JSON.parse(String(init?.body)));
        return Response.json({ linkId: 4 }, { status: 201 });
      }
      return Response.json(profile());
    }));
    const panel = mount(CustomerPanel, { props: { caseId: 42 }, global: { plugins: [i18nZh()], stubs: { RouterLink: { template: "<a><slot /></a>" } } } });
    await flushPromises();
    await panel.get("[data-test=link-contact]").trigger("click");
    await panel.get("[data-test=find-contact]").setValue("wx-zhao");
    await panel.get("form.link-form").trigger("submit");
    await flushPromises();
    const offered = panel.findAll("ul.found li");
    expect(offered.map((li) => li.text())).toEqual(["未留姓名 · wx-zhao · 暂无案件"]);
    await panel.get("input[type=radio]").setValue(true);
    expect(panel.text()).toContain("确认“未留姓名”（wx-zhao）与本案客户是同一人？");
    await panel.get("[data-test=link-reason]").setValue("微信号与来电人一致");
    await panel.get("[data-test=confirm-link]").trigger("click");
    await flushPromises();
    expect(posted).toEqual([{ otherContactId: 31, reason: "微信号与来电人一致" }]);
  });
});
