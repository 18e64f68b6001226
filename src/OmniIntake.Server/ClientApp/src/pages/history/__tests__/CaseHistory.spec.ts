import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { makeI18n } from "@/i18n";
import CaseHistory from "../CaseHistory.vue";

const audit = [
  { id: 1, at: "2026-11-24T01:15:00Z", actor: "system", action: "case.opened", detail: "{}" },
  { id: 2, at: "2026-11-24T01:20:00Z", actor: "li.agent", action: "case.forwarded", detail: "{\"departmentId\":3}" },
  { id: 3, at: "2026-11-24T01:21:00Z", actor: "system", action: "deadline.atRisk", detail: "{}" },
];

describe("a case's history", () => {
  it("says each action in Chinese, newest first, never the code", () => {
    const wrapper = mount(CaseHistory, { props: { audit }, global: { plugins: [makeI18n("zh-CN")] } });
    const lines = wrapper.findAll("li .what").map((w) => w.text());
    expect(lines).toEqual(["时限即将到期", "已转交责任部门", "投诉已受理"]);
    expect(wrapper.text()).toContain("li.agent");
    expect(wrapper.text()).toContain("系统");
    expect(wrapper.text()).not.toMatch(/case\.|deadline\.|atRisk|system/);
  });

  it("says them in English too", () => {
    const wrapper = mount(CaseHistory, { props: { audit }, global: { plugins: [makeI18n("en")] } });
    expect(wrapper.findAll("li .what").map((w) => w.text())).toEqual(["Deadline at risk", "Forwarded to the responsible department", "Complaint registered"]);
  });
});
