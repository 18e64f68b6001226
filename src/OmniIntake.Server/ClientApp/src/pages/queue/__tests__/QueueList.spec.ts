import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { nextTick } from "vue";
import { createQueueStore } from "@/stores/queue";
import { i18nZh } from "@/pages/case/__tests__/fixtures";
import QueueList from "../QueueList.vue";
import { OVERSCAN, ROW_HEIGHT, rowWindow } from "../virtualRows";
import { openCase } from "./fixtures";

function tenThousand() {
  const store = createQueueStore();
  store.load(Array.from({ length: 10_000 }, (_, i) => openCase(i + 1)));
  return store;
}

// Mounting 10,000 cases in happy-dom takes seconds on a loaded machine: the default 5 s is not a budget here.
describe("the virtualised queue", { timeout: 60_000 }, () => {
  it("renders only the rows in view and a few either side, of 10,000 open cases", () => {
    const store = tenThousand();
    const wrapper = mount(QueueList, { props: { store, selectedNumber: null }, global: { plugins: [i18nZh()] }, attachTo: document.body });
    const rows = wrapper.findAll("li");
    const first = wrapper.get("li");
    // 600 px of view (the default before the first measure) hold 7 rows of 88 px, plus the overscan below.
    expect(rows.length).toBe(Math.ceil(600 / ROW_HEIGHT) + OVERSCAN);
    expect(wrapper.get("h2").text()).toContain("10000");
    expect(wrapper.get("ul").attributes("style")).toContain(`height: ${10_000 * ROW_HEIGHT}px`);
    // The screen reader hears where in the whole list a row is.
    expect(first.attributes("aria-setsize")).toBe("10000");
    expect(first.attributes("aria-posinset")).toBe("1");
    // Sorted by deadline: the one due first on top.
    expect(first.get("button").attributes("data-number")).toBe("TS-1");
    wrapper.unmount();
  });

  it("keeps one tab stop in the list and moves it with the arrow keys, Home and End", async () => {
    const store = tenThousand();
    const wrapper = mount(QueueList, { props: { store, selectedNumber: null }, global: { plugins: [i18nZh()] }, attachTo: document.body });
    expect(wrapper.findAll("button[tabindex='0']").map((b) => b.attributes("data-number"))).toEqual(["TS-1"]);
    await wrapper.get("button[data-number='TS-1']").trigger("keydown", { key: "ArrowDown" });
    await nextTick();
    await nextTick();
    expect(document.activeElement?.getAttribute("data-number")).toBe("TS-2");
    await wrapper.get("button[data-number='TS-2']").trigger("keydown", { key: "End" });
    await nextTick();
    await nextTick();
    // The last of 10,000 is rendered once it holds the focus, however far the list scrolled.
    expect(document.activeElement?.getAttribute("data-number")).toBe("TS-10000");
    expect(wrapper.get("button[data-number='TS-10000']").attributes("tabindex")).toBe("0");
    wrapper.unmount();
  });

  it("opens a case with Enter on its row (a button) and gives the open case the tab stop", async () => {
    const store = tenThousand();
    const wrapper = mount(QueueList, { props: { store, selectedNumber: "TS-3" }, global: { plugins: [i18nZh()] }, attachTo: document.body });
    expect(wrapper.get("button[data-number='TS-3']").attributes("tabindex")).toBe("0");
    expect(wrapper.get("button[data-number='TS-3']").attributes("aria-current")).toBe("true");
    await wrapper.get("button[data-number='TS-5']").trigger("click");
    expect(wrapper.emitted("open")).toEqual([["TS-5"]]);
    wrapper.unmount();
  });

  it("shows a live change to a row in view without re-rendering the others", async () => {
    const store = tenThousand();
    const wrapper = mount(QueueList, { props: { store, selectedNumber: null }, global: { plugins: [i18nZh()] }, attachTo: document.body });
    const second = wrapper.get("button[data-number='TS-2']").element;
    store.state.lastPosition = 1;
    store.apply({ position: 2, kind: "case.forwarded", caseId: 1, caseNumber: "TS-1", occurredAt: "2026-12-01T02:00:00Z", data: '{"departmentId":3}' });
    await nextTick();
    expect(wrapper.get("button[data-number='TS-1']").text()).toContain("已转交");
    expect(wrapper.get("button[data-number='TS-2']").element).toBe(second);
    wrapper.unmount();
  });
});

describe("the row window", () => {
  it("covers the view plus the overscan, and the focused row wherever it is", () => {
    expect(rowWindow(0, 0, 600)).toEqual([]);
    expect(rowWindow(3, 0, 600)).toEqual([0, 1, 2]);
    const middle = rowWindow(10_000, 100 * ROW_HEIGHT, 10 * ROW_HEIGHT);
    expect(middle[0]).toBe(100 - OVERSCAN);
    expect(middle.at(-1)).toBe(110 + OVERSCAN - 1);
    expect(rowWindow(10_000, 100 * ROW_HEIGHT, 10 * ROW_HEIGHT, 5)[0]).toBe(5);
    expect(rowWindow(10_000, 0, 10 * ROW_HEIGHT, 9_999).at(-1)).toBe(9_999);
  });
});
