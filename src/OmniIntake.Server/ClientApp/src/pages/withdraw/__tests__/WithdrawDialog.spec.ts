import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import WithdrawDialog from "../WithdrawDialog.vue";
import { i18nZh } from "@/pages/case/__tests__/fixtures";

describe("withdrawing a complaint", () => {
  it("takes the complainant's reason and the agent's check that it is voluntary before it withdraws", async () => {
    const wrapper = mount(WithdrawDialog, { props: { reason: "" }, global: { plugins: [i18nZh()] } });
    await wrapper.get("form").trigger("submit");
    expect(wrapper.emitted("confirm")).toBeUndefined();
    expect(wrapper.get("[role=alert]").text()).toBe("请填写撤回原因。");
    await wrapper.get("textarea").setValue("路灯已经修好了");
    await wrapper.get("form").trigger("submit");
    expect(wrapper.emitted("confirm")).toBeUndefined();
    expect(wrapper.get("[role=alert]").text()).toBe("请先向投诉人核实撤回出于自愿。");
    await wrapper.get("input[type=checkbox]").setValue(true);
    expect(wrapper.find("[role=alert]").exists()).toBe(false);
    await wrapper.get("form").trigger("submit");
    expect(wrapper.emitted("confirm")).toEqual([["路灯已经修好了"]]);
  });

  it("starts from the reason the customer gave on the status page", () => {
    const wrapper = mount(WithdrawDialog, { props: { reason: "不需要再处理" }, global: { plugins: [i18nZh()] } });
    expect((wrapper.get("textarea").element as HTMLTextAreaElement).value).toBe("不需要再处理");
    expect(wrapper.text()).toContain("全部时限取消");
  });
});
