import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeI18n } from "@/i18n";
import type { Escalation } from "@/api/types";
import EscalationNotes from "../EscalationNotes.vue";

const breach: Escalation = {
  id: 2, deadlineId: 11, clock: "forward", phase: "breach", at: "2026-12-02T02:30:00Z", notified: true, raiseClass: true,
  assignTo: "lead", raisedFrom: "general", raisedTo: "important", assignedTo: "lead", assignRefusedCode: null,
};
const atRisk: Escalation = {
  id: 1, deadlineId: 11, clock: "forward", phase: "atRisk", at: "2026-12-02T02:24:00Z", notified: false, raiseClass: false,
  assignTo: "zhang", raisedFrom: null, raisedTo: null, assignedTo: null, assignRefusedCode: "escalation.not-a-supervisor",
};

function serve(list: Escalation[]) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(list), { status: 200, headers: { "Content-Type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("the escalations on a case", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("say in Chinese what was escalated, what happened and the rule", async () => {
    const fetch = serve([atRisk, breach]);
    const wrapper = mount(EscalationNotes, { props: { caseId: 7, version: 0 }, global: { plugins: [makeI18n("zh-CN")] } });
    await flushPromises();
    expect(fetch.mock.calls.map((c) => (c as unknown[])[0])).toEqual(["/api/cases/7/escalations"]);
    const [first, second] = wrapper.findAll("li");
    if (!first || !second) throw new Error("two escalations expected");
    expect(second.get("strong").text()).toBe("已升级：转交时限已超时");
    expect(second.get("[data-test=outcome]").text()).toBe("已通知主管；类别由“一般”升为“重要”；已指派给主管 lead");
    expect(second.get("[data-test=escalation-rule]").text()).toBe("规则：转交时限已超时时通知主管、将一般投诉升为重要、指派给主管 lead");
    expect(first.get("strong").text()).toBe("已升级：转交时限即将超时");
    expect(first.get("[data-test=outcome]").text()).toBe("未能指派给 zhang：该用户不是主管");
    expect(wrapper.text()).not.toMatch(/escalation\.|forward|breach/);
  });

  it("say it in English too", async () => {
    serve([breach]);
    const wrapper = mount(EscalationNotes, { props: { caseId: 7, version: 0 }, global: { plugins: [makeI18n("en")] } });
    await flushPromises();
    expect(wrapper.get("[data-test=outcome]").text()).toContain("assigned to supervisor lead");
    expect(wrapper.text()).toContain("Escalated:");
  });

  it("show nothing when nothing escalated, and read again when the case changes", async () => {
    const fetch = serve([]);
    const wrapper = mount(EscalationNotes, { props: { caseId: 7, version: 0 }, global: { plugins: [makeI18n("zh-CN")] } });
    await flushPromises();
    expect(wrapper.find("[data-test=escalations]").exists()).toBe(false);
    serve([breach]);
    await wrapper.setProps({ version: 1 });
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(wrapper.find("[data-test=escalations]").exists()).toBe(true);
  });
});
