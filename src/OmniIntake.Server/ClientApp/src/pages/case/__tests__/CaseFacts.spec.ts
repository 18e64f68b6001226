import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import CaseFacts from "../CaseFacts.vue";
import { chatCase, i18nZh } from "./fixtures";

describe("the case's facts", () => {
  it("show who complained, how to call back, where, what they ask for, in Chinese", () => {
    const wrapper = mount(CaseFacts, {
      props: { detail: chatCase(), departments: [], categories: [{ code: "property-management", nameZh: "物业管理", nameEn: "Property management" }] },
      global: { plugins: [i18nZh()] },
    });
    const fact = (key: string) => wrapper.get(`[data-fact=${key}]`).text();
    expect(fact("complainant")).toContain("王小明");
    expect(fact("phone")).toContain("+8613800138000");
    expect(wrapper.get("[data-fact=phone] a").attributes("href")).toBe("tel:+8613800138000");
    expect(fact("location")).toContain("3号楼电梯");
    expect(fact("request")).toContain("尽快修好");
    expect(fact("occurredAt")).toContain("昨天晚上");
    expect(fact("category")).toContain("物业管理");
    expect(fact("channel")).toContain("网页在线咨询");
    expect(fact("class")).toContain("一般");
    expect(fact("department")).toContain("尚未转交");
    expect(fact("email")).toContain("未提供");
    // No raw codes on a zh-CN page.
    expect(wrapper.text()).not.toMatch(/property-management|general|chat\b/);
  });
});
