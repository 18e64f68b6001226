import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import RegisterCallPage from "../RegisterCallPage.vue";
import { fromLocalInput, toLocalInput } from "../zonedTime";
import { dateTimeFormats, makeI18n } from "@/i18n";

type Call = { url: string; init?: RequestInit };

function hub(answers: ((call: Call) => Response | undefined)[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    if (url === "/api/categories") return Response.json([{ code: "parking", nameZh: "停车", nameEn: "Parking" }]);
    if (url === "/api/workspace/settings") return Response.json({ timeZone: "Asia/Shanghai" });
    for (const answer of answers) {
      const response = answer(call);
      if (response) return response;
    }
    return new Response(null, { status: 404 });
  });
  vi.stubGlobal("fetch", fetch);
  return calls;
}

/** Chinese, with times in the organisation's zone as App.vue sets them after sign-in. */
function i18nZh() {
  const i18n = makeI18n("zh-CN");
  i18n.global.setDateTimeFormat("zh-CN", dateTimeFormats("Asia/Shanghai")["zh-CN"]);
  return i18n;
}
const mountPage = () => mount(RegisterCallPage, { global: { plugins: [i18nZh()], stubs: { RouterLink: { template: "<a><slot /></a>" } } } });
const registrations = (calls: Call[]) => calls.filter((c) => c.url === "/api/cases" && c.init?.method === "POST");
const keyOf = (call: Call | undefined) => new Headers(call?.init?.headers).get("Idempotency-Key");
const bodyOf = (call: Call | undefined): unknown => JSON.parse(String(call?.init?.body));

describe("registering a call", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("says beside the field what is missing, in Chinese, and sends nothing", async () => {
    const calls = hub([]);
    const page = mountPage();
    await flushPromises();
    await page.get("form").trigger("submit");
    expect(page.get("[data-error=text]").text()).toBe("请填写事件经过。");
    expect(registrations(calls)).toHaveLength(0);
    await page.get("#rc-text").setValue("噪音扰民");
    expect(page.find("[data-error=text]").exists()).toBe(false);
  });

  it("retries with the same idempotency key, shows the case and its forwarding deadline, and a new form gets a new key", async () => {
    let failures = 1;
    const calls = hub([
      (c) => (c.url === "/api/cases" ? (failures-- > 0 ? new Response("{}", { status: 503 })
        : Response.json({ caseId: 7, number: "TS-20261201-00007", outcome: "newcase", forwardDueAt: "2026-12-01T02:30:00Z" }, { status: 201 })) : undefined),
    ]);
    const page = mountPage();
    await flushPromises();
    expect((page.get("#rc-received").element as HTMLInputElement).value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    await page.get("#rc-text").setValue("停车场多收了十元");
    await page.get("#rc-name").setValue("钱先生");
    await page.get("form").trigger("submit");
    await flushPromises();
    expect(page.get("[role=alert]").text()).toContain("登记失败");
    await page.get("form").trigger("submit");
    await flushPromises();
    const sent = registrations(calls);
    expect(sent).toHaveLength(2);
    expect(keyOf(sent[0])).toBe(keyOf(sent[1]));
    expect(keyOf(sent[0])).toBeTruthy();
    expect(bodyOf(sent[1])).toMatchObject({ channel: "phone", text: "停车场多收了十元", complainantName: "钱先生", phone: null, receivedAt: null });
    expect(page.get("[data-test=registered]").text()).toContain("已登记：TS-20261201-00007");
    expect(page.get("[data-test=forward-due]").text()).toContain("2026/12/01 10:30");

    await page.get("[data-test=registered] button").trigger("click");
    await page.get("#rc-text").setValue("另一件事");
    await page.get("form").trigger("submit");
    await flushPromises();
    expect(keyOf(registrations(calls)[2])).not.toBe(keyOf(sent[0]));
  });

  it("shows the caller's cases as the phone is typed and adds the call to an open one", async () => {
    vi.useFakeTimers();
    const hit = (id: number, status: string) => ({
      id, number: `TS-20261130-0000${id}`, channel: "phone", status, class: "general", category: null, subject: "停车", complainantName: "钱先生",
      contactId: 3, departmentId: null, receivedAt: "2026-11-30T02:00:00Z", lastInboundAt: "2026-11-30T02:00:00Z", resolvedAt: null, closedAt: null,
      mergedIntoId: null, claimedBy: null, score: 80, matchedOn: ["phone"],
    });
    const calls = hub([
      (c) => (c.url.startsWith("/api/cases/search") ? Response.json({ items: [hit(1, "forwarded"), hit(2, "resolved")], page: 1, pageSize: 20, hasMore: false }) : undefined),
      (c) => (c.url === "/api/cases" ? Response.json({ caseId: 1, number: "TS-20261130-00001", outcome: "threaded", forwardDueAt: null }) : undefined),
    ]);
    const page = mountPage();
    await flushPromises();
    await page.get("#rc-phone").setValue("139 0000 1111");
    await vi.advanceTimersByTimeAsync(400);
    await flushPromises();
    expect(calls.some((c) => c.url.includes("q=139+0000+1111"))).toBe(true);
    const history = page.get("[data-test=caller-history]");
    expect(history.text()).toContain("未办结的案件（1）");
    expect(history.text()).toContain("以往的案件（1）");
    await history.get("[data-test=add-to-case]").trigger("click");
    expect(page.get("[data-test=adding-to]").text()).toContain("TS-20261130-00001");
    await page.get("#rc-text").setValue("又来电催办");
    await page.get("form").trigger("submit");
    await flushPromises();
    expect(bodyOf(registrations(calls)[0])).toMatchObject({ addToCase: "TS-20261130-00001", phone: "139 0000 1111" });
    expect(page.get("[data-test=registered]").text()).toContain("已补充到案件 TS-20261130-00001");
    vi.useRealTimers();
  });
});

describe("the receipt time in the organisation's zone", () => {
  it("reads and writes a datetime-local value as the organisation's wall time", () => {
    const instant = Date.parse("2026-12-01T02:30:00Z");
    expect(toLocalInput(instant, "Asia/Shanghai")).toBe("2026-12-01T10:30");
    expect(fromLocalInput("2026-12-01T10:30", "Asia/Shanghai").toISOString()).toBe("2026-12-01T02:30:00.000Z");
    expect(fromLocalInput("2026-07-01T10:30", "Europe/Berlin").toISOString()).toBe("2026-07-01T08:30:00.000Z");
  });
});
