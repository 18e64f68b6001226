import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "@/api/client";
import { i18nZh } from "@/pages/case/__tests__/fixtures";
import CategoryMapping from "../CategoryMapping.vue";

const categories = [
  { code: "engineering-quality", nameZh: "工程质量", nameEn: "Engineering quality" },
  { code: "property-management", nameZh: "物业管理", nameEn: "Property management" },
];
const departments = [{ id: 1, code: "eng", name: "工程部" }, { id: 2, code: "property", name: "物业部" }];

afterEach(() => vi.restoreAllMocks());

describe("the category → department mapping", () => {
  it("shows each category's department in a labelled select and saves a change", async () => {
    const save = vi.spyOn(api, "setCategoryDepartment").mockResolvedValue(undefined);
    const wrapper = mount(CategoryMapping, {
      props: { categories, departments, mappings: [{ category: "engineering-quality", departmentId: 1 }] },
      global: { plugins: [i18nZh()] },
    });
    const engineering = wrapper.get("#map-engineering-quality");
    expect((engineering.element as HTMLSelectElement).value).toBe("1");
    expect(wrapper.get("label[for=map-property-management]").text()).toBe("物业管理");
    const property = wrapper.get("#map-property-management");
    expect((property.element as HTMLSelectElement).value).toBe("");
    await property.setValue("2");
    await flushPromises();
    expect(save).toHaveBeenCalledWith("property-management", 2);
    expect(wrapper.get("[data-test=mapping-notice]").text()).toBe("已保存：物业管理 → 物业部");
    expect(wrapper.emitted("changed")).toHaveLength(1);
  });

  it("clears a mapping, and says a failure in words", async () => {
    const save = vi.spyOn(api, "setCategoryDepartment").mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error("HTTP 500"));
    const wrapper = mount(CategoryMapping, {
      props: { categories, departments, mappings: [{ category: "engineering-quality", departmentId: 1 }] },
      global: { plugins: [i18nZh()] },
    });
    await wrapper.get("#map-engineering-quality").setValue("");
    await flushPromises();
    expect(save).toHaveBeenCalledWith("engineering-quality", null);
    expect(wrapper.text()).toContain("已取消“工程质量”的预选部门。");
    await wrapper.get("#map-property-management").setValue("2");
    await flushPromises();
    expect(wrapper.get("[role=alert]").text()).toBe("保存失败，请稍后重试。");
  });
});
