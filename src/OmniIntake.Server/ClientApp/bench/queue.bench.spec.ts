import { mount, type VueWrapper } from "@vue/test-utils";
import { it } from "vitest";
import { nextTick } from "vue";
import type { CaseEvent } from "@/api/types";
import { makeI18n } from "@/i18n";
import QueueList from "@/pages/queue/QueueList.vue";
import { openCase } from "@/pages/queue/__tests__/fixtures";
import { createQueueStore } from "@/stores/queue";
import PlainQueueList from "./PlainQueueList.vue";

// Issue 14.6 benchmark: 10,000 open cases, live events at 100/s; event-to-screen is the time from an event's arrival
// (the store applying its payload) until Vue has written the change to the DOM (the next tick after it). Run by
// bench/run-workspace-queue.sh. The DOM is happy-dom's (no layout or paint), so the figures compare the two lists'
// work per event, not a real screen's frame time.
const cases = Number(process.env.BENCH_CASES ?? 10_000);
const rate = Number(process.env.BENCH_RATE ?? 100);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const kinds = ["message.received", "case.classified", "case.claimed", "case.forwarded"];

function events(count: number): CaseEvent[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, (_, i) => {
    const caseId = 1 + Math.floor(random() * cases);
    const kind = kinds[i % kinds.length] ?? "message.received";
    const data = kind === "case.classified" ? { class: "important" } : kind === "case.claimed" ? { claimedBy: "li" } : { departmentId: 3 };
    return { position: i + 2, kind, caseId, caseNumber: `TS-${caseId}`, occurredAt: new Date().toISOString(), data: JSON.stringify(data) };
  });
}

async function run(name: string, mountList: (store: ReturnType<typeof createQueueStore>) => VueWrapper): Promise<{ p50: number; p99: number; max: number; domRows: number }> {
  const store = createQueueStore();
  store.load(Array.from({ length: cases }, (_, i) => openCase(i + 1)));
  store.state.lastPosition = 1;
  const wrapper = mountList(store);
  await nextTick();
  const latencies: number[] = [];
  const interval = 1000 / rate;
  const start = performance.now();
  for (const [i, event] of events(rate * seconds).entries()) {
    // Arrivals at a steady rate: wait for the event's due time (a late event is measured from its arrival, as a push would be).
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const arrived = performance.now();
    store.apply(event);
    await nextTick();
    latencies.push(performance.now() - arrived);
  }
  const domRows = wrapper.findAll("li").length;
  wrapper.unmount();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  const result = { p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? Number.NaN, domRows };
  console.log(`${name.padEnd(28)} events=${latencies.length} rows_in_dom=${domRows} p50_ms=${result.p50.toFixed(2)} p99_ms=${result.p99.toFixed(2)} max_ms=${result.max.toFixed(2)}`);
  return result;
}

it("measures event-to-screen at the given rate", { timeout: 30 * 60_000 }, async () => {
  const i18n = makeI18n("zh-CN");
  const baseline = await run("baseline (every row in DOM)", (store) => mount(PlainQueueList, { props: { store }, attachTo: document.body }));
  const queue = await run("workspace queue (virtual)", (store) =>
    mount(QueueList, { props: { store, selectedNumber: null }, global: { plugins: [i18n] }, attachTo: document.body }),
  );
  console.log(`RESULT workspace-queue cases=${cases} rate=${rate} p99_ms=${queue.p99.toFixed(2)} baseline_p99_ms=${baseline.p99.toFixed(2)}`);
});
