import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import DeadlineList from "../DeadlineList.vue";
import PauseControl from "../PauseControl.vue";
import { chatCase, i18nZh } from "./fixtures";

afterEach(() => vi.unstubAllGlobals());

describe("pausing the clock", () => {
  it("asks what the case waits for and why, then posts the pause", async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetch);
    const wrapper = mount(PauseControl, { props: { caseId: 7, status: "forwarded", pause: null }, global: { plugins: [i18nZh()] } });

    await wrapper.get("button").trigger("click");
    await wrapper.get("form").trigger("submit");
    expect(wrapper.get("[role=alert]").text()).toBe("请填写等待的原因。");
    expect(fetch).not.toHaveBeenCalled();

    await wrapper.get("input[value=expertise]").setValue(true);
    expect(wrapper.text()).toContain("升为重要投诉");
    await wrapper.get("textarea").setValue("需第三方检测机构出具报告");
    await wrapper.get("form").trigger("submit");
    await flushPromises();

    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/cases/7/pause");
    expect(JSON.parse(String(init.body))).toEqual({ waitingFor: "expertise", reason: "需第三方检测机构出具报告" });
    expect(wrapper.emitted("changed")).toEqual([["已暂停计时。"]]);
  });

  it("shows the pause in force and resumes it", async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetch);
    const pause = { waitingFor: "customer" as const, reason: "等待客户提供合同照片", pausedBy: "agent1", pausedAt: "2026-11-27T08:00:00Z" };
    const wrapper = mount(PauseControl, { props: { caseId: 7, status: "forwarded", pause }, global: { plugins: [i18nZh()] } });

    expect(wrapper.get("[data-test=pause-banner]").text()).toContain("等待客户回复");
    expect(wrapper.text()).toContain("等待客户提供合同照片");
    expect(wrapper.text()).toContain("客户再次来信时自动恢复计时");
    await wrapper.get("button").trigger("click");
    await flushPromises();

    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe("/api/cases/7/resume");
    expect(wrapper.emitted("changed")).toEqual([["已恢复计时，按剩余时间重新计算时限。"]]);
  });

  it("offers no pause on a resolved case, and says why a refusal happened", async () => {
    const closed = mount(PauseControl, { props: { caseId: 7, status: "resolved", pause: null }, global: { plugins: [i18nZh()] } });
    expect(closed.find("button").exists()).toBe(false);

    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ detail: "案件不在等待中" }), { status: 409 })));
    const pause = { waitingFor: "expertise" as const, reason: "鉴定", pausedBy: "agent1", pausedAt: "2026-11-27T08:00:00Z" };
    const wrapper = mount(PauseControl, { props: { caseId: 7, status: "forwarded", pause }, global: { plugins: [i18nZh()] } });
    await wrapper.get("button").trigger("click");
    await flushPromises();
    expect(wrapper.get("[role=alert]").text()).toContain("案件不在等待中");
    expect(wrapper.emitted("changed")).toBeUndefined();
  });

  it("shows a paused deadline with the time it has left, not a countdown", () => {
    const deadlines = chatCase().deadlines.slice(0, 1).map((x) => ({ ...x, kind: "ownerAnswer", state: "paused", pausedAt: "2026-11-27T08:00:00Z", remainingSeconds: 4 * 3600 }));
    expect(deadlines).toHaveLength(1);
    const wrapper = mount(DeadlineList, { props: { deadlines }, global: { plugins: [i18nZh()] } });
    expect(wrapper.get("[data-test=paused]").text()).toBe("已暂停，恢复后剩余 4 小时");
    expect(wrapper.find(".meta").exists()).toBe(false);
  });
});

describe("a resumed clock's rule", () => {
  it("says the working time that was left, in words", () => {
    const deadlines = chatCase().deadlines.slice(0, 1).map((x) => ({
      ...x,
      kind: "ownerAnswer",
      ruleCode: { code: "clock.resumed", parameters: { minutes: 240, working: 1, clock: "5.2.5" } },
    }));
    const wrapper = mount(DeadlineList, { props: { deadlines }, global: { plugins: [i18nZh()] } });
    expect(wrapper.get("[data-test=rule]").text()).toBe("暂停后恢复计时：按剩余的 4 个工作小时计算");
  });
});
