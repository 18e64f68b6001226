import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api } from "@/api/client";
import { chatCase, i18nZh } from "@/pages/case/__tests__/fixtures";
import OwnerCaseView from "../OwnerCaseView.vue";

function forwardedCase() {
  const detail = chatCase();
  detail.case = { ...detail.case, status: "forwarded", departmentId: 3, answerDueAt: "2026-12-01T08:00:00Z", answerWarnAt: "2026-12-01T07:12:00Z" };
  return detail;
}

const mountView = (detail = forwardedCase(), gone = false) =>
  mount(OwnerCaseView, {
    props: { detail, departments: [{ id: 3, code: "property", name: "物业部" }], categories: [], gone },
    global: { plugins: [i18nZh()] },
  });

afterEach(() => vi.restoreAllMocks());

describe("the owner's case", () => {
  it("shows whom to call back and the conversation", async () => {
    vi.spyOn(api, "ownerDialog").mockResolvedValue([]);
    const wrapper = mountView();
    await flushPromises();
    expect(wrapper.get("[data-fact=complainant]").text()).toContain("王小明");
    expect(wrapper.get("[data-fact=phone]").text()).toContain("+8613800138000");
    expect(wrapper.get("[data-fact=department]").text()).toContain("物业部");
    expect(wrapper.text()).toContain("已通知物业");
    expect(wrapper.get("[data-test=status]").text()).toBe("已转交");
  });

  it("answers in writing, and asks for the text first", async () => {
    vi.spyOn(api, "ownerDialog").mockResolvedValue([]);
    const answer = vi.spyOn(api, "answer").mockResolvedValue(undefined);
    const wrapper = mountView();
    const form = wrapper.get("form[data-action=answer]");
    await form.trigger("submit");
    expect(form.get("[role=alert]").text()).toBe("请填写内容。");
    expect(answer).not.toHaveBeenCalled();
    await form.get("textarea").setValue("已派维修师傅，明天上午修好。");
    await form.trigger("submit");
    await flushPromises();
    expect(answer).toHaveBeenCalledWith(42, "已派维修师傅，明天上午修好。");
    expect(wrapper.get("[data-test=notice]").text()).toBe("书面答复已提交客服中心。");
    expect(wrapper.emitted("changed")).toHaveLength(1);
  });

  it("says a refused send-back in Chinese, not the hub's English detail", async () => {
    vi.spyOn(api, "ownerDialog").mockResolvedValue([]);
    vi.spyOn(api, "sendBack").mockRejectedValue(new ApiError(409, { title: "Conflict", detail: "Case 42 is answered" }));
    const wrapper = mountView();
    const form = wrapper.get("form[data-action=send-back]");
    await form.get("textarea").setValue("不属于本部门");
    await form.trigger("submit");
    await flushPromises();
    expect(form.get("[role=alert]").text()).toBe("案件状态已变化，无法执行此操作，请刷新后再试。");
    expect(wrapper.emitted("changed")).toBeUndefined();
  });

  it("offers no answer once answered, and says when the case left the department", async () => {
    vi.spyOn(api, "ownerDialog").mockResolvedValue([]);
    const answered = forwardedCase();
    answered.case.status = "answered";
    expect(mountView(answered).find("form[data-action=answer]").exists()).toBe(false);
    const gone = mountView(forwardedCase(), true);
    expect(gone.text()).toContain("该案件已不在本部门");
    expect(gone.find("form").exists()).toBe(false);
  });
});
