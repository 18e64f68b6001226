import { flushPromises, mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { nextTick } from "vue";
import type { CaseSummary, QueuePage } from "@/api/types";
import { createQueueStore } from "@/stores/queue";
import { i18nZh } from "@/pages/case/__tests__/fixtures";
import { makeI18n } from "@/i18n";
import QueueList from "../QueueList.vue";
import { createQueuePager } from "../queuePager";
import { ROW_HEIGHT } from "../virtualRows";
import { openCase } from "./fixtures";

/**
 * A stand-in for GET /api/cases/queue over <count> open cases: the same keyset rule as the hub (deadline, then id
 * descending), the cursor the last row's id; it records the cursors it was asked for.
 */
function server(count: number, pageSize = 200) {
  const all: CaseSummary[] = Array.from({ length: count }, (_, i) => openCase(i + 1));
  const asked: (string | null)[] = [];
  let fail = false;
  const fetchPage = async (after: string | null): Promise<QueuePage> => {
    asked.push(after);
    if (fail) throw new Error("network down");
    const start = after === null ? 0 : all.findIndex((c) => String(c.id) === after) + 1;
    const cases = all.slice(start, start + pageSize);
    const more = start + pageSize < all.length;
    return { cases, total: all.length, next: more ? String(cases.at(-1)?.id) : null };
  };
  return { all, asked, fetchPage, failNext: (on: boolean) => (fail = on) };
}

async function scrollTo(wrapper: ReturnType<typeof mount>, row: number): Promise<void> {
  const scroller = wrapper.get("[data-test=queue-scroll]").element as HTMLElement;
  scroller.scrollTop = row * ROW_HEIGHT;
  await wrapper.get("[data-test=queue-scroll]").trigger("scroll");
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await flushPromises();
  await nextTick();
}

describe("the queue read in pages", { timeout: 60_000 }, () => {
  it("shows the first page with the true total, and fetches the next as the agent scrolls near the end", async () => {
    const hub = server(10_000);
    const store = createQueueStore();
    const pager = createQueuePager(store, hub.fetchPage);
    await pager.first();
    const wrapper = mount(QueueList, { props: { store, selectedNumber: null, pager }, global: { plugins: [i18nZh()] }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.get("[data-test=queue-count]").text()).toBe("显示 200 / 10,000");
    expect(wrapper.get("li").attributes("aria-setsize")).toBe("10000");
    expect(hub.asked).toEqual([null]); // the top of the list does not fetch ahead

    await scrollTo(wrapper, 170);
    expect(hub.asked).toEqual([null, "200"]);
    expect(wrapper.get("[data-test=queue-count]").text()).toBe("显示 400 / 10,000");
    // The new page's rows follow the first in deadline order.
    await scrollTo(wrapper, 199);
    expect(wrapper.findAll("li").map((li) => li.get("button").attributes("data-number"))).toContain("TS-201");
    expect(wrapper.get("button[data-index='200']").attributes("data-number")).toBe("TS-201");
    wrapper.unmount();
  });

  it("loads every page once while a filter leaves few rows, then counts the list itself", async () => {
    const hub = server(1_200);
    const store = createQueueStore();
    const pager = createQueuePager(store, hub.fetchPage);
    await pager.first();
    store.filter("第1100号");
    const wrapper = mount(QueueList, { props: { store, selectedNumber: null, pager }, global: { plugins: [i18nZh()] }, attachTo: document.body });
    for (let i = 0; i < 10 && !pager.complete.value; i++) await flushPromises();
    expect(pager.complete.value).toBe(true);
    expect(hub.asked).toEqual([null, "200", "400", "600", "800", "1000"]);
    expect(store.state.cases.size).toBe(1_200);
    expect(wrapper.findAll("li").map((li) => li.get("button").attributes("data-number"))).toEqual(["TS-1100"]);
    expect(wrapper.get("[data-test=queue-count]").text()).toBe("1 件案件");
    wrapper.unmount();
  });

  it("says so when a page fails, and fetches it again on retry without skipping or repeating", async () => {
    const hub = server(600);
    const store = createQueueStore();
    const pager = createQueuePager(store, hub.fetchPage);
    await pager.first();
    hub.failNext(true);
    const wrapper = mount(QueueList, { props: { store, selectedNumber: null, pager }, global: { plugins: [makeI18n("en")] }, attachTo: document.body });
    await scrollTo(wrapper, 180);
    expect(wrapper.get("[data-test=queue-more-failed]").text()).toContain("More cases could not be loaded.");
    expect(wrapper.get("[data-test=queue-count]").text()).toBe("Showing 200 of 600");
    hub.failNext(false);
    await wrapper.get("[data-test=queue-more-failed] button").trigger("click");
    await flushPromises();
    expect(hub.asked).toEqual([null, "200", "200"]);
    expect(store.state.cases.size).toBe(400);
    expect(wrapper.find("[data-test=queue-more-failed]").exists()).toBe(false);
    wrapper.unmount();
  });
});
