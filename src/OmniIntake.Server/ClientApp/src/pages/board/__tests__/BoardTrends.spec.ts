import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "@/api/client";
import { makeI18n } from "@/i18n";
import BoardTrends from "../BoardTrends.vue";
import type { TrendPoint } from "../trends";

const flow = (received: number, forwardedInTime = 0, forwardedLate = 0, answeredInTime = 0, answeredLate = 0) => ({
  received, forwardedInTime, forwardedLate, answeredInTime, answeredLate,
});
const indicators = {
  onTimeForwardingRate: null, delayRate: null, redispatchRate: null, repeatComplaintRate: null, closureRate: null, satisfaction: null,
  forwardsMet: 0, forwardsBreached: 0, forwardsPending: 0,
};
const weeks: TrendPoint[] = [
  { from: "2026-11-16", to: "2026-11-22", cases: 2, indicators, flow: flow(2, 1, 0, 1, 0) },
  { from: "2026-11-23", to: "2026-11-29", cases: 5, indicators, flow: flow(5, 3, 1, 2, 2) },
];
const quiet: TrendPoint[] = weeks.map((w) => ({ ...w, cases: 0, flow: flow(0) }));

async function mountTrends(locale: "zh-CN" | "en") {
  const wrapper = mount(BoardTrends, {
    props: { departments: [{ id: 3, code: "property", name: "物业部" }] },
    global: { plugins: [makeI18n(locale)] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-25T04:00:00Z"));
  vi.spyOn(api, "settings").mockResolvedValue({ timeZone: "Asia/Shanghai" });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = "";
});

describe("the board's trends", () => {
  it("reads the last eight weeks up to today in the organisation's zone, and says each chart's figures in Chinese", async () => {
    const trends = vi.spyOn(api, "trends").mockResolvedValue(weeks);
    const wrapper = await mountTrends("zh-CN");

    expect(trends).toHaveBeenCalledWith({ by: "week", count: 8, to: "2026-11-25", channel: "", department: "" });
    const summaries = wrapper.findAll("[data-test=trend-summary]").map((s) => s.text());
    expect(summaries).toEqual([
      "共收到 7 件，最多的是 11月23日–11月29日（5 件）。",
      "共转交 5 件：按时 4 件，超时 1 件。",
      "部门共答复 5 件：按时 3 件，超时 2 件。",
    ]);
    const bars = wrapper.findAll("[data-measure=answered] svg g.bar title").map((b) => b.text());
    expect(bars).toEqual(["11月16日–11月22日：部门按时答复 1 件，超时答复 0 件", "11月23日–11月29日：部门按时答复 2 件，超时答复 2 件"]);
    const svg = wrapper.get("[data-measure=forwarded] svg");
    expect(svg.attributes("role")).toBe("img");
    expect(wrapper.get(`#${svg.attributes("aria-describedby")}`).text()).toBe("共转交 5 件：按时 4 件，超时 1 件。");
    expect(wrapper.get("[data-measure=received] table tbody").text()).toContain("11月23日–11月29日5");
    expect(wrapper.text()).not.toMatch(/[A-Za-z]{3,}/);
  });

  it("says the figures in English", async () => {
    vi.spyOn(api, "trends").mockResolvedValue(weeks);
    const wrapper = await mountTrends("en");

    expect(wrapper.findAll("[data-test=trend-summary]").map((s) => s.text())).toEqual([
      "7 received in all; the most in Nov 23–Nov 29 (5).",
      "5 forwarded in all: 4 in time, 1 late.",
      "5 answered by departments in all: 3 in time, 2 late.",
    ]);
    expect(wrapper.get("[data-measure=forwarded] svg g.bar title").text()).toBe("Nov 16–Nov 22: 1 forwarded in time, 0 late");
  });

  it("asks again for a channel, a department and another grain, and says an empty period in words", async () => {
    const trends = vi.spyOn(api, "trends").mockResolvedValue(weeks);
    const wrapper = await mountTrends("zh-CN");
    trends.mockResolvedValue(quiet);

    await wrapper.get("[data-test=trend-channel]").setValue("letter");
    await flushPromises();
    await wrapper.get("[data-test=trend-department]").setValue("property");
    await flushPromises();
    await wrapper.get("input[value=day]").setValue(true);
    await flushPromises();

    expect(trends).toHaveBeenCalledWith({ by: "week", count: 8, to: "2026-11-25", channel: "letter", department: "" });
    expect(trends).toHaveBeenLastCalledWith({ by: "day", count: 14, to: "2026-11-25", channel: "letter", department: "property" });
    expect(wrapper.get("[data-test=trend-period]").text()).toBe("所选期间没有收到投诉。");
    expect(wrapper.findAll("[data-test=trend-summary]").map((s) => s.text())).toEqual([
      "这段时间没有收到投诉。",
      "这段时间没有转交到期的案件。",
      "这段时间没有部门答复到期的案件。",
    ]);
  });

  it("says a refusal in words", async () => {
    vi.spyOn(api, "trends").mockRejectedValue(new (await import("@/api/client")).ApiError(400, { code: "board.count-invalid", title: "Invalid count" }));
    const wrapper = await mountTrends("zh-CN");

    expect(wrapper.get("[role=alert]").text()).toBe("操作失败：数量须在一至六十二之间。");
  });
});
