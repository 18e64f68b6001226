import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api } from "@/api/client";
import type { Macro, MacroPreview } from "@/api/types";
import MacroMenu from "../MacroMenu.vue";
import { i18nZh } from "@/pages/case/__tests__/fixtures";

const categories = [{ code: "property-management", nameZh: "物业管理", nameEn: "Property management" }];
const macro: Macro = {
  id: 7, nameZh: "转物业并回复", nameEn: "Forward to property", updatedBy: "zhang", updatedAt: "2026-12-01T00:00:00Z",
  actions: [{ kind: "reply", cannedReplyId: 3 }, { kind: "category", category: "property-management" }, { kind: "forward", departmentId: 2, note: "请今天回电" }],
};
const none = { text: null, missing: null, category: null, class: null, departmentId: null, departmentName: null, waitingFor: null, note: null };
const preview: MacroPreview = {
  macroId: 7, nameZh: "转物业并回复", nameEn: "Forward to property",
  steps: [
    { ...none, step: 1, kind: "reply", text: "钱先生您好，您的投诉已受理。", missing: [], needsConfirmation: false },
    { ...none, step: 2, kind: "category", category: "property-management", needsConfirmation: false },
    { ...none, step: 3, kind: "forward", departmentId: 2, departmentName: "物业部", note: "请今天回电", needsConfirmation: true },
  ],
};

afterEach(() => vi.restoreAllMocks());

async function opened() {
  vi.spyOn(api, "macros").mockResolvedValue([macro]);
  const previewed = vi.spyOn(api, "previewMacro").mockResolvedValue(preview);
  const wrapper = mount(MacroMenu, { props: { caseId: 42, categories }, global: { plugins: [i18nZh()] }, attachTo: document.body });
  await wrapper.get("[data-test=macro-menu]").trigger("click");
  await flushPromises();
  await wrapper.get(".macro-list button").trigger("click");
  await flushPromises();
  expect(previewed).toHaveBeenCalledWith(42, 7);
  return wrapper;
}

describe("applying a macro from the case view", () => {
  it("previews every step in the user's language, with the reply as it will be sent", async () => {
    const wrapper = await opened();
    const steps = wrapper.findAll("[data-test=macro-preview] > li").map((li) => li.text());
    expect(steps[0]).toContain("答复客户：");
    expect(steps[0]).toContain("钱先生您好，您的投诉已受理。");
    expect(steps[1]).toBe("将分类设为“物业管理”");
    expect(steps[2]).toContain("转交至“物业部”");
    expect(steps[2]).toContain("附言：请今天回电");
    wrapper.unmount();
  });

  it("applies only after the forwarding is confirmed, then says it is done", async () => {
    const applied = vi.spyOn(api, "applyMacro").mockResolvedValue({ macroId: 7, caseId: 42, applied: [] });
    const wrapper = await opened();
    const apply = wrapper.get("[data-test=apply-macro]");
    expect((apply.element as HTMLButtonElement).disabled).toBe(true);
    expect(wrapper.text()).toContain("我确认将此案件转交至“物业部”");
    await wrapper.get("[data-test=confirm-forward]").setValue(true);
    expect((apply.element as HTMLButtonElement).disabled).toBe(false);
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    expect(applied).toHaveBeenCalledWith(42, 7);
    expect(wrapper.emitted("changed")).toEqual([["已执行宏“转物业并回复”。"]]);
    wrapper.unmount();
  });

  it("says which step was refused and why, and that the steps before it stay applied", async () => {
    vi.spyOn(api, "applyMacro").mockRejectedValue(new ApiError(403, {
      code: "macro.step-refused", args: { step: 2 },
      ...({ step: 2, kind: "class", stepCode: "case.class-supervisor-only", applied: ["reply"] } as object),
    }));
    const wrapper = await opened();
    await wrapper.get("[data-test=confirm-forward]").setValue(true);
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    const said = wrapper.get("[role=alert]").text();
    expect(said).toContain("宏在第2步（设置级别）被拒绝：");
    expect(said).toContain("此前的步骤已生效：用常用回复答复客户。");
    expect(wrapper.emitted("changed")?.[0]?.[0]).toBe(said);
    wrapper.unmount();
  });
});
