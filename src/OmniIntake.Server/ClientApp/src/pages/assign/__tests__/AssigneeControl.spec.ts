import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api } from "@/api/client";
import type { CaseSummary, TeamLoad } from "@/api/types";
import { chatCase, i18nZh } from "@/pages/case/__tests__/fixtures";
import AssigneeControl from "../AssigneeControl.vue";

const team: TeamLoad = {
  capacity: 10,
  automatic: false,
  agents: [
    { id: 7, username: "wang", displayName: "王芳", openCases: 3, online: true, away: false, oldestDueAt: null },
    { id: 8, username: "li", displayName: "李强", openCases: 0, online: false, away: true, oldestDueAt: null },
  ],
};

function summary(change: Partial<CaseSummary> = {}): CaseSummary {
  return { ...chatCase().case, ...change };
}

afterEach(() => vi.restoreAllMocks());

describe("the assignee control", () => {
  it("lists the agents with their load and state, and assigns with the note", async () => {
    vi.spyOn(api, "agentLoad").mockResolvedValue(team);
    const assign = vi.spyOn(api, "assign").mockResolvedValue(undefined);
    const wrapper = mount(AssigneeControl, { props: { summary: summary() }, global: { plugins: [i18nZh()] } });
    await flushPromises();

    expect(wrapper.get("[data-test=assignee-name]").text()).toBe("未指派");
    const options = wrapper.findAll("[data-test=assignee-select] option").map((o) => o.text());
    expect(options).toContain("王芳 · 3 件处理中 · 在线");
    expect(options).toContain("李强 · 0 件处理中 · 暂离");
    const select = wrapper.get("[data-test=assignee-select]").element as HTMLSelectElement;
    select.selectedIndex = [...select.options].findIndex((o) => o.text.startsWith("王芳"));
    await wrapper.get("[data-test=assignee-select]").trigger("change");
    await wrapper.get("input").setValue("客户要求回电");
    await wrapper.get("form").trigger("submit");
    await flushPromises();

    expect(assign).toHaveBeenCalledWith(42, 7, "客户要求回电");
    expect(wrapper.get("[role=status]").text()).toBe("已指派给 王芳。");
  });

  it("shows the holder by name, and a refusal in the user's language from its code", async () => {
    vi.spyOn(api, "agentLoad").mockResolvedValue(team);
    vi.spyOn(api, "assign").mockRejectedValue(new ApiError(409, { code: "assignment.held-by-other", detail: "Case is held by wang" }));
    const wrapper = mount(AssigneeControl, {
      props: { summary: summary({ claimedBy: "wang", claimedByName: "王芳" }) },
      global: { plugins: [i18nZh()] },
    });
    await flushPromises();

    expect(wrapper.get("[data-test=assignee-name]").text()).toBe("王芳");
    await wrapper.get("button.link").trigger("click");
    await flushPromises();

    expect(wrapper.get("[role=status]").text()).toBe("此案件由其他同事处理，只有主管可以改派。");
  });
});
