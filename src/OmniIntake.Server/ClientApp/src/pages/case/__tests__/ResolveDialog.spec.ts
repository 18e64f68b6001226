import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import ResolveDialog from "../ResolveDialog.vue";
import { i18nZh } from "./fixtures";

describe("resolving", () => {
  it("asks for a resolution note before it resolves", async () => {
    const wrapper = mount(ResolveDialog, { global: { plugins: [i18nZh()] } });
    await wrapper.get("form").trigger("submit");
    expect(wrapper.emitted("confirm")).toBeUndefined();
    expect(wrapper.get("[role=alert]").text()).toBe("请填写处理结果说明。");
    await wrapper.get("textarea").setValue("已更换电梯部件");
    await wrapper.get("form").trigger("submit");
    expect(wrapper.emitted("confirm")).toEqual([["已更换电梯部件"]]);
  });
});
