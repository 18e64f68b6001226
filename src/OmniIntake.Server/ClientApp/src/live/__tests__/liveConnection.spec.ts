import type { HubConnection } from "@microsoft/signalr";
import { flushPromises, mount } from "@vue/test-utils";
import { describe, expect, it, vi } from "vitest";
import { defineComponent, h } from "vue";
import { makeI18n } from "@/i18n";
import { liveConnection, type LiveConnection } from "../liveConnection";
import LiveStatus from "../LiveStatus.vue";

/** A hub that does what the test says: the callbacks SignalR would call are kept and called by hand. */
function fakeHub(startFails = false) {
  const methods = new Map<string, (...args: unknown[]) => void>();
  const calls = { reconnecting: [] as (() => void)[], reconnected: [] as (() => Promise<void>)[], close: [] as (() => void)[] };
  const hub = {
    on: (name: string, handler: (...args: unknown[]) => void) => methods.set(name, handler),
    onreconnecting: (f: () => void) => calls.reconnecting.push(f),
    onreconnected: (f: () => Promise<void>) => calls.reconnected.push(f),
    onclose: (f: () => void) => calls.close.push(f),
    start: vi.fn(async () => {
      if (startFails) throw new Error("refused");
    }),
    stop: vi.fn(async () => undefined),
  };
  return {
    hub: hub as unknown as HubConnection,
    started: hub.start,
    push: (name: string, ...args: unknown[]) => methods.get(name)?.(...args),
    dropped: () => calls.reconnecting.forEach((f) => f()),
    back: () => Promise.all(calls.reconnected.map((f) => f())),
    closed: () => calls.close.forEach((f) => f()),
  };
}

function shown(live: Pick<LiveConnection, "status">, locale: "zh-CN" | "en") {
  const Page = defineComponent({ setup: () => () => h(LiveStatus, { state: live.status.value }) });
  return mount(Page, { global: { plugins: [makeI18n(locale)] } });
}

describe("one live connection", () => {
  it("says each state in Chinese: connecting, live, cut off and reconnecting, live again (and catches up)", async () => {
    const fake = fakeHub();
    const events: unknown[] = [];
    const reconnected = vi.fn();
    const order: string[] = [];
    const live = liveConnection("/hubs/agents", {
      on: { event: (e) => void events.push(e) },
      beforeStart: async () => void order.push("head read"),
      reconnected,
    }, (url) => {
      order.push(`built ${url}`);
      return fake.hub;
    });
    const page = shown(live, "zh-CN");
    expect(page.text()).toBe("正在连接…");

    await live.start();
    await flushPromises();
    expect(order).toEqual(["built /hubs/agents", "head read"]);
    expect(fake.started).toHaveBeenCalledOnce();
    expect(page.text()).toBe("实时");

    fake.push("event", { position: 1 });
    expect(events).toEqual([{ position: 1 }]);

    fake.dropped();
    await flushPromises();
    expect(page.text()).toBe("连接中断，正在重连…");
    expect(page.get("[role=status]").classes()).toContain("offline");

    await fake.back();
    await flushPromises();
    expect(page.text()).toBe("实时");
    expect(reconnected).toHaveBeenCalledOnce();
  });

  it("says in English when the hub cannot be reached or closes, and never throws", async () => {
    const fake = fakeHub(true);
    const live = liveConnection("/hubs/owners", { on: {} }, () => fake.hub);
    const page = shown(live, "en");
    expect(page.text()).toBe("Connecting…");

    await expect(live.start()).resolves.toBeUndefined();
    await flushPromises();
    expect(page.text()).toBe("Connection lost, reconnecting…");

    const working = fakeHub();
    const other = liveConnection("/hubs/owners", { on: {} }, () => working.hub);
    const otherPage = shown(other, "en");
    await other.start();
    await flushPromises();
    expect(otherPage.text()).toBe("Live");
    working.closed();
    await flushPromises();
    expect(otherPage.text()).toBe("Connection lost, reconnecting…");
  });
});
