import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "@/api/client";
import { setSession } from "@/shell/session";
import MacrosPage from "../MacrosPage.vue";
import { i18nZh } from "@/pages/case/__tests__/fixtures";

beforeEach(() => {
  vi.spyOn(api, "cannedReplies").mockResolvedValue([
    { id: 3, shortcut: "受理", title: "受理通知", language: "zh-CN", text: "您好", shared: true, owner: null, updatedAt: "2026-12-01T00:00:00Z" },
    { id: 4, shortcut: "我的", title: "个人", language: "zh-CN", text: "您好", shared: false, owner: "wang", updatedAt: "2026-12-01T00:00:00Z" },
  ]);
  vi.spyOn(api, "categories").mockResolvedValue([{ code: "property-management", nameZh: "物业管理", nameEn: "Property management" }]);
  vi.spyOn(api, "departments").mockResolvedValue([{ id: 2, code: "property", name: "物业部" }]);
});
afterEach(() => {
  vi.restoreAllMocks();
  setSession(null);
});

async function addStep(wrapper: ReturnType<typeof mount>, kind: string) {
  await wrapper.get("#macro-add-kind").setValue(kind);
  await wrapper.get("[data-test=add-step]").trigger("click");
}

describe("the macro editor", () => {
  it("lets a supervisor define a macro step by step, offering shared replies only, and saves it in order", async () => {
    setSession({ id: 1, username: "zhang", displayName: "张主管", roles: ["supervisor"], departmentId: null, disabled: false });
    vi.spyOn(api, "macros").mockResolvedValue([]);
    const created = vi.spyOn(api, "createMacro").mockImplementation(async (input) => ({ id: 9, updatedBy: "zhang", updatedAt: "", ...input }));
    const wrapper = mount(MacrosPage, { global: { plugins: [i18nZh()] } });
    await flushPromises();
    expect(wrapper.text()).toContain("暂无宏。");

    await wrapper.get("#macro-name-zh").setValue("转物业并回复");
    await wrapper.get("#macro-name-en").setValue("Forward to property");
    await addStep(wrapper, "reply");
    expect(wrapper.findAll("#step-0-reply option").map((o) => o.text())).toEqual(["请选择", "::受理 受理通知"]);
    await wrapper.get("#step-0-reply").setValue("3");
    await addStep(wrapper, "forward");
    // An action already in the macro is not offered again.
    expect((wrapper.get("#macro-add-kind option[value=reply]").element as HTMLOptionElement).disabled).toBe(true);
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    expect(wrapper.get("[role=alert]").text()).toBe("第2步未填写完整。");
    expect(created).not.toHaveBeenCalled();

    await wrapper.get("#step-1-department").setValue("2");
    await wrapper.get("#step-1-note").setValue("请今天回电");
    await addStep(wrapper, "category");
    await wrapper.get("#step-2-category").setValue("property-management");
    // Moved up: the category is set before forwarding.
    await wrapper.findAll(".macro-step")[2]?.findAll("button")[0]?.trigger("click");
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    expect(created).toHaveBeenCalledWith({
      nameZh: "转物业并回复", nameEn: "Forward to property",
      actions: [{ kind: "reply", cannedReplyId: 3 }, { kind: "category", category: "property-management" }, { kind: "forward", departmentId: 2, note: "请今天回电" }],
    });
    expect(wrapper.get("[role=status]").text()).toBe("已保存宏“转物业并回复”。");
  });

  it("shows an agent the macros without the editor", async () => {
    setSession({ id: 2, username: "wang", displayName: "王芳", roles: ["agent"], departmentId: null, disabled: false });
    vi.spyOn(api, "macros").mockResolvedValue([
      { id: 9, nameZh: "转物业", nameEn: "To property", updatedBy: "zhang", updatedAt: "", actions: [{ kind: "category", category: "property-management" }, { kind: "resolve", note: "好" }] },
    ]);
    const wrapper = mount(MacrosPage, { global: { plugins: [i18nZh()] } });
    await flushPromises();
    expect(wrapper.find("form").exists()).toBe(false);
    expect(wrapper.get("[data-macro=转物业]").text()).toContain("设置分类");
    expect(wrapper.get("[data-macro=转物业]").text()).toContain("解决案件");
    expect(wrapper.text()).toContain("宏由主管维护");
  });
});
