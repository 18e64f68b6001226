import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "@/api/client";
import ForwardAction from "../ForwardAction.vue";
import { chatCase, i18nZh } from "./fixtures";

const departments = [
  { id: 1, code: "eng", name: "工程部" }, // alphabetically and by id first: never a default by itself
  { id: 2, code: "property", name: "物业部" },
];
const categories = [{ code: "property-management", nameZh: "物业管理", nameEn: "Property management" }];

afterEach(() => vi.restoreAllMocks());

describe("forwarding", () => {
  it("preselects the department the case's category maps to and says why", async () => {
    vi.spyOn(api, "categoryDepartments").mockResolvedValue([{ category: "property-management", departmentId: 2 }]);
    const forward = vi.spyOn(api, "forward").mockResolvedValue(undefined);
    const wrapper = mount(ForwardAction, { props: { summary: chatCase().case, departments, categories }, global: { plugins: [i18nZh()] } });
    await flushPromises();
    expect((wrapper.get("select").element as HTMLSelectElement).value).toBe("2");
    expect(wrapper.get("[data-test=mapped]").text()).toBe("按投诉类别“物业管理”预选");
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    expect(forward).toHaveBeenCalledWith(42, 2, undefined);
    expect(wrapper.emitted("forwarded")).toEqual([["物业部"]]);
  });

  it("without a mapping preselects nothing and asks the agent to choose", async () => {
    vi.spyOn(api, "categoryDepartments").mockResolvedValue([]);
    const forward = vi.spyOn(api, "forward").mockResolvedValue(undefined);
    const wrapper = mount(ForwardAction, { props: { summary: chatCase().case, departments, categories }, global: { plugins: [i18nZh()] } });
    await flushPromises();
    expect(wrapper.get("select").findAll("option").filter((o) => (o.element as HTMLOptionElement).selected).map((o) => o.text())).toEqual(["请选择部门"]);
    await wrapper.get("form").trigger("submit");
    expect(wrapper.get("[role=alert]").text()).toBe("请选择要转交的部门。");
    expect(forward).not.toHaveBeenCalled();
  });
});
