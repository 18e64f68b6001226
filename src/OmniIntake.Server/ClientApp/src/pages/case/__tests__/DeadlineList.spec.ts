import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import DeadlineList from "../DeadlineList.vue";
import { chatCase, i18nZh } from "./fixtures";

describe("the deadlines", () => {
  it("count down and say their rule in words, from the code", () => {
    const wrapper = mount(DeadlineList, { props: { deadlines: chatCase().deadlines }, global: { plugins: [i18nZh()] } });
    expect(wrapper.text()).toContain("转交时限");
    expect(wrapper.get("[data-test=rule]").text()).toBe("政策 5.2.2：工作时间内收到，须在 30 分钟内转交");
    expect(wrapper.get(".countdown").text()).toMatch(/^剩余 \d+:\d\d:\d\d$/);
    expect(wrapper.text()).not.toContain("policy 5.2.2");
  });
});
