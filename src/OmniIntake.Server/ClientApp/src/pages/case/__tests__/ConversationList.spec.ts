import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import ConversationList from "../ConversationList.vue";
import { chatCase, i18nZh } from "./fixtures";

describe("the conversation", () => {
  it("tells customer, agent, note and department apart, and shows the dialog's questions and answers", () => {
    const wrapper = mount(ConversationList, {
      props: {
        messages: chatCase().messages,
        dialog: [
          { id: 1, speaker: "bot", text: "请问您的姓名？", createdAt: "2026-12-01T01:59:00Z" },
          { id: 2, speaker: "customer", text: "王小明", createdAt: "2026-12-01T01:59:10Z" },
        ],
      },
      global: { plugins: [i18nZh()] },
    });
    const speakers = wrapper.findAll(".messages [data-speaker]").map((m) => m.attributes("data-speaker"));
    expect(speakers).toEqual(["customer", "agent", "note", "ownerAnswer"]);
    expect(wrapper.get(".dialog").text()).toContain("请问您的姓名？");
    expect(wrapper.get(".dialog [data-speaker=customer]").text()).toContain("王小明");
    expect(wrapper.get(".messages [data-speaker=ownerAnswer]").text()).toContain("部门书面答复");
    // What the customer wrote is text, never markup.
    expect(wrapper.get(".messages [data-speaker=customer] .text").text()).toBe("电梯坏了 <b>三天</b>");
    expect(wrapper.find(".messages b").exists()).toBe(false);
  });
});
