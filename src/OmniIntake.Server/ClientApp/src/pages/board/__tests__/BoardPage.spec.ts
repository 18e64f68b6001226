import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ref } from "vue";
import { createMemoryHistory, createRouter } from "vue-router";
import { api } from "@/api/client";
import type { BoardCase, BoardView, CaseEvent } from "@/api/types";
import { makeI18n } from "@/i18n";

// The hub connection is the one thing not run here: the test holds the callbacks the page gives it.
const live = vi.hoisted(() => ({ onEvent: null as null | ((e: CaseEvent) => void), reread: null as null | (() => Promise<void>) }));
vi.mock("../boardLive", () => ({
  connectBoardLive: (onEvent: (e: CaseEvent) => void, reread: () => Promise<void>) => {
    live.onEvent = onEvent;
    live.reread = reread;
    return { status: ref("live"), start: async () => undefined, stop: async () => undefined };
  },
}));
const { default: BoardPage } = await import("../BoardPage.vue");

const view = (atRisk: number): BoardView => ({
  online: ["li.agent"],
  board: {
    at: "2026-11-24T02:00:00Z", inWindow: 2, atRisk, breached: 1, awaitingAnswer: 1,
    byChannel: [{ key: "walkin", inWindow: 1, atRisk, breached: 1, open: 2 + atRisk }, { key: "email", inWindow: 1, atRisk: 0, breached: 0, open: 1 }],
    byDepartment: [{ key: "(not forwarded)", inWindow: 2, atRisk, breached: 1, open: 3 }, { key: "property", inWindow: 0, atRisk: 0, breached: 0, open: 1 }],
    byAgent: [{ key: "(unclaimed)", inWindow: 2, atRisk, breached: 1, open: 4 }],
    oldestWaiting: { id: 7, number: "TS-20261124-00007", channel: "walkin", receivedAt: "2026-11-24T01:00:00Z", dueAt: "2026-11-24T01:30:00Z", state: "breached" },
  },
});

const breachedCase: BoardCase = {
  id: 7, number: "TS-20261124-00007", channel: "walkin", status: "received", class: "hot", category: "property-management", department: null,
  claimedBy: null, subject: "电梯", receivedAt: "2026-11-24T01:00:00Z", deadlineKind: "forward", dueAt: "2026-11-24T01:30:00Z", standing: "breached",
};

async function mountPage() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: "/board", name: "board", component: { render: () => null } },
      { path: "/cases/:number", name: "case", component: { render: () => null } },
    ],
  });
  await router.push("/board");
  const teleportTarget = document.createElement("span");
  teleportTarget.id = "live-slot";
  document.body.appendChild(teleportTarget);
  const wrapper = mount(BoardPage, { global: { plugins: [makeI18n("zh-CN"), router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router };
}

beforeEach(() => {
  // The trends below the board have their own spec (BoardTrends.spec.ts).
  vi.spyOn(api, "settings").mockResolvedValue({ timeZone: "Asia/Shanghai" });
  vi.spyOn(api, "trends").mockResolvedValue([]);
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = "";
});

describe("the supervisor's board", () => {
  it("says every figure in Chinese: buckets, channels, departments, nobody's cases", async () => {
    vi.spyOn(api, "board").mockResolvedValue(view(1));
    vi.spyOn(api, "departments").mockResolvedValue([{ id: 3, code: "property", name: "物业部" }]);
    vi.spyOn(api, "categories").mockResolvedValue([{ code: "property-management", nameZh: "物业管理", nameEn: "Property management" }]);
    const { wrapper } = await mountPage();

    const text = wrapper.text();
    for (const words of ["在时限内", "即将超时", "已超时", "待部门答复", "现场来访", "电子邮件", "尚未转交", "物业部", "未认领"]) expect(text).toContain(words);
    expect(text).not.toMatch(/walkin|email|\(not forwarded\)|\(unclaimed\)|property\b|atRisk|inWindow/);
    expect(wrapper.get("[data-bucket=breached]").classes()).toContain("alarm");
  });

  it("opens a bucket's cases, and a case from its row", async () => {
    vi.spyOn(api, "board").mockResolvedValue(view(1));
    vi.spyOn(api, "departments").mockResolvedValue([]);
    vi.spyOn(api, "categories").mockResolvedValue([{ code: "property-management", nameZh: "物业管理", nameEn: "Property management" }]);
    const cases = vi.spyOn(api, "boardCases").mockResolvedValue([breachedCase]);
    const { wrapper, router } = await mountPage();

    await wrapper.get("[data-kind=channel] tr[data-row=walkin] td[data-bucket=breached] button").trigger("click");
    await flushPromises();

    expect(cases).toHaveBeenCalledWith({ bucket: "breached", channel: "walkin" });
    const list = wrapper.get("[data-test=board-cases]");
    expect(list.get("h2").text()).toBe("已超时 · 现场来访");
    expect(list.text()).toContain("物业管理");
    expect(list.text()).toContain("转交时限");
    await list.get("tr[data-number='TS-20261124-00007']").trigger("click");
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe("/cases/TS-20261124-00007");
  });

  it("re-reads on a live signal and says the event in words", async () => {
    const board = vi.spyOn(api, "board").mockResolvedValueOnce(view(0)).mockResolvedValue(view(2));
    vi.spyOn(api, "departments").mockResolvedValue([]);
    vi.spyOn(api, "categories").mockResolvedValue([]);
    const { wrapper } = await mountPage();
    expect(wrapper.get("[data-bucket=atRisk] .n").text()).toBe("0");

    live.onEvent?.({ position: 9, kind: "deadline.atRisk", caseId: 8, caseNumber: "TS-20261124-00008", occurredAt: "2026-11-24T02:01:00Z", data: "{}" });
    await live.reread?.();
    await flushPromises();

    expect(board).toHaveBeenCalledTimes(2);
    expect(wrapper.get("[data-bucket=atRisk] .n").text()).toBe("2");
    expect(wrapper.get("[data-test=feed]").text()).toContain("时限即将到期");
    expect(wrapper.get("[data-test=feed]").text()).not.toContain("deadline.atRisk");
  });
});
