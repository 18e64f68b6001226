import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api } from "@/api/client";
import { makeI18n } from "@/i18n";
import ReportsPage from "../ReportsPage.vue";
import { quickPeriods, todayIn } from "../periods";

const schedule = {
  language: "zh-CN",
  next: [
    { kind: "half-monthly" as const, period: "2026-12-H1", from: "2026-12-01", to: "2026-12-15", generatedOn: "2026-12-16", dueBy: "2026-12-18" },
    { kind: "monthly" as const, period: "2026-12", from: "2026-12-01", to: "2026-12-31", generatedOn: "2027-01-01", dueBy: "2027-01-03" },
  ],
};

function stub(list = [] as Awaited<ReturnType<typeof api.generatedReports>>) {
  vi.spyOn(api, "generatedReports").mockResolvedValue(list);
  vi.spyOn(api, "reportSchedule").mockResolvedValue(schedule);
  vi.spyOn(api, "settings").mockResolvedValue({ timeZone: "Asia/Shanghai" });
}

afterEach(() => vi.restoreAllMocks());

describe("reports", () => {
  it("says when the first report will appear when none was generated yet", async () => {
    stub();
    const wrapper = mount(ReportsPage, { global: { plugins: [makeI18n("zh-CN")] } });
    await flushPromises();
    expect(wrapper.get("[data-test=empty]").text()).toBe("还没有生成的定期报告。");
    const next = wrapper.get("[data-test=next]").text();
    expect(next).toContain("第一份半月报（2026年12月上半月（1日至15日））将于 2026年12月16日 生成，须在 2026年12月18日 前提交。");
    expect(next).toContain("第一份月报（2026年12月）");
    expect(wrapper.get("[data-test=language]").text()).toBe("报告文件使用机构语言：中文。");
  });

  it("lists the generated reports with their downloads", async () => {
    stub([{ id: 4, kind: "monthly", period: "2026-11", dueBy: "2026-12-03", generatedAt: "2026-11-30T16:10:00Z" }]);
    const wrapper = mount(ReportsPage, { global: { plugins: [makeI18n("zh-CN")] } });
    await flushPromises();
    const row = wrapper.get("tr[data-period='2026-11']");
    expect(row.text()).toContain("2026年11月");
    expect(row.text()).toContain("月报");
    expect(row.findAll("a").map((a) => a.attributes("href"))).toEqual(["/api/reports/generated/4?format=xlsx", "/api/reports/generated/4?format=csv"]);
  });

  it("refuses an end before the start without asking, and says the hub's refusal in words", async () => {
    stub();
    const file = vi.spyOn(api, "reportFile").mockRejectedValue(new ApiError(400, { code: "report.range-future", title: "Period in the future" }));
    const wrapper = mount(ReportsPage, { global: { plugins: [makeI18n("zh-CN")] } });
    await flushPromises();
    await wrapper.get("input[name=from]").setValue("2026-11-20");
    await wrapper.get("input[name=to]").setValue("2026-11-10");
    await wrapper.get("form").trigger("submit");
    expect(wrapper.get("[data-test=refusal]").text()).toBe("结束日期不能早于开始日期。");
    expect(file).not.toHaveBeenCalled();

    await wrapper.get("input[name=to]").setValue("2026-11-30");
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    expect(file).toHaveBeenCalledWith("2026-11-20", "2026-11-30", "xlsx");
    expect(wrapper.get("[data-test=refusal]").text()).toBe("报告期间不能晚于今天开始。");
  });

  it("picks periods as days in the organisation's zone", () => {
    // 17:00 UTC on 30 November is already 1 December in Shanghai.
    expect(todayIn("Asia/Shanghai", new Date("2026-11-30T17:00:00Z"))).toBe("2026-12-01");
    expect(quickPeriods("2026-12-20")).toEqual({
      thisHalf: { from: "2026-12-01", to: "2026-12-15" },
      thisMonth: { from: "2026-12-01", to: "2026-12-20" },
      lastMonth: { from: "2026-11-01", to: "2026-11-30" },
    });
    expect(quickPeriods("2027-01-05").lastMonth).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(quickPeriods("2027-01-05").thisHalf).toEqual({ from: "2027-01-01", to: "2027-01-05" });
  });
});
