import { flushPromises, mount, type VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/api/client";
import { i18nZh } from "@/pages/case/__tests__/fixtures";
import { adminApi, type CalendarView } from "../../adminApi";
import CalendarPanel from "../CalendarPanel.vue";
import { yearGrid } from "../yearGrid";

const calendar = (adminDays: CalendarView["adminDays"] = []): CalendarView => ({
  timeZone: "Asia/Shanghai",
  adminDays,
  changes: [],
  shippedYears: [2026],
  officialDays: [{ day: "2026-10-01", working: false, holiday: "national-day" }, { day: "2026-09-20", working: true, holiday: "national-day" }],
  workingWeekdays: [1, 2, 3, 4, 5],
});

afterEach(() => vi.restoreAllMocks());

/** The button whose text is exactly <text> (fails the test when there is none). */
function button(wrapper: VueWrapper, text: string) {
  const found = wrapper.findAll("button").find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

describe("the year's month grid", () => {
  it("puts each month's first day under its weekday (Monday first) and says what each day is", () => {
    const grid = yearGrid(calendar([{ day: "2026-12-01", working: false, name: "公司年会", updatedBy: "admin", updatedAt: "" }]), 2026);
    expect(grid).toHaveLength(12);
    const month = (n: number) => grid[n - 1] ?? { weeks: [], days: [] };
    // 2026-12-01 is a Tuesday: one empty cell before it.
    expect((month(12).weeks[0] ?? []).map((d) => d?.day ?? null).slice(0, 3)).toEqual([null, 1, 2]);
    expect(month(12).days[0]).toMatchObject({ kind: "orgOff", working: false, name: "公司年会" });
    expect(month(10).days[0]).toMatchObject({ kind: "holiday", working: false, holiday: "national-day" });
    expect(month(9).days[19]).toMatchObject({ kind: "makeup", working: true });
    expect(month(9).days[18]).toMatchObject({ kind: "weekend", working: false });
    expect(month(9).days[21]).toMatchObject({ kind: "working", working: true });
  });
});

describe("the working calendar", () => {
  it("marks a working day as a day off, says the deadlines are recounted, and undoes it", async () => {
    const load = vi.spyOn(adminApi, "calendar").mockResolvedValueOnce(calendar())
      .mockResolvedValueOnce(calendar([{ day: "2026-12-01", working: false, name: "公司年会", updatedBy: "admin", updatedAt: "" }]))
      .mockResolvedValueOnce(calendar());
    const set = vi.spyOn(adminApi, "setDay").mockResolvedValue({ recomputeJobId: "1" });
    const remove = vi.spyOn(adminApi, "removeDay").mockResolvedValue({ recomputeJobId: "2" });
    const wrapper = mount(CalendarPanel, { props: { initialYear: 2026 }, global: { plugins: [i18nZh()] } });
    await flushPromises();
    expect(wrapper.get("[data-test=calendar-year]").text()).toBe("2026年");
    expect(wrapper.get("button[data-day='2026-10-01']").attributes("aria-label")).toBe("2026年10月1日星期四：法定节假日（国庆节）");
    expect(wrapper.get("button[data-day='2026-09-20']").attributes("aria-label")).toBe("2026年9月20日星期日：调休上班（国庆节）");
    // Sighted users see the same on hovering the day.
    expect(wrapper.get("button[data-day='2026-10-01']").attributes("title")).toBe("法定节假日（国庆节）");

    await wrapper.get("button[data-day='2026-12-01']").trigger("click");
    expect(wrapper.get("[data-test=date-words]").text()).toBe("2026年12月1日星期二");
    expect(wrapper.get("[data-test=day-kind]").text()).toBe("工作日");
    await button(wrapper, "设为休息日").trigger("click");
    expect(wrapper.get("[data-test=calendar-problem]").text()).toBe("请填写名称，说明为何调整这一天。");
    await wrapper.get("#calendar-name").setValue("公司年会");
    await button(wrapper, "设为休息日").trigger("click");
    await flushPromises();
    expect(set).toHaveBeenCalledWith("2026-12-01", false, "公司年会");
    expect(wrapper.get("[data-test=calendar-notice]").text())
      .toBe("已将2026年12月1日星期二设为休息日（公司年会）。 各案件未到期的时限将按各自的起算时间重新计算。");
    expect(wrapper.get("button[data-day='2026-12-01']").classes()).toContain("orgOff");
    expect(wrapper.get("[data-test=day-kind]").text()).toBe("本单位休息日（公司年会）");

    await button(wrapper, "撤销本单位的设置").trigger("click");
    await flushPromises();
    expect(remove).toHaveBeenCalledWith("2026-12-01");
    expect(wrapper.get("button[data-day='2026-12-01']").classes()).toContain("working");
    expect(load).toHaveBeenCalledTimes(3);
  }, 20_000);

  it("says the hub's refusal in Chinese", async () => {
    vi.spyOn(adminApi, "calendar").mockResolvedValue(calendar());
    vi.spyOn(adminApi, "removeDay").mockRejectedValue(new ApiError(404, { code: "calendar.day-not-set", title: "Day not set", status: 404 }));
    vi.spyOn(adminApi, "setDay").mockRejectedValue(new ApiError(400, { code: "calendar.name-invalid", title: "Invalid name", status: 400 }));
    const wrapper = mount(CalendarPanel, { props: { initialYear: 2026 }, global: { plugins: [i18nZh()] } });
    await flushPromises();
    await wrapper.get("button[data-day='2026-10-01']").trigger("click");
    await wrapper.get("#calendar-name").setValue("x");
    await button(wrapper, "设为工作日").trigger("click");
    await flushPromises();
    expect(wrapper.get("[data-test=calendar-problem]").text()).toBe("请填写名称（一至一百个字符）。");
  });
});
