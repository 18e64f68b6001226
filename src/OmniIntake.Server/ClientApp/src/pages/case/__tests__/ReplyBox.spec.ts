import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import ReplyBox from "../ReplyBox.vue";
import { i18nZh } from "./fixtures";

describe("the reply box", () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it("keeps the draft when it is re-created (a re-render, a reload)", async () => {
    const first = mount(ReplyBox, { props: { caseId: 7 }, global: { plugins: [i18nZh()] } });
    await first.get("textarea").setValue("您好，我们已");
    first.unmount();
    const again = mount(ReplyBox, { props: { caseId: 7 }, global: { plugins: [i18nZh()] } });
    expect((again.get("textarea").element as HTMLTextAreaElement).value).toBe("您好，我们已");
    const other = mount(ReplyBox, { props: { caseId: 8 }, global: { plugins: [i18nZh()] } });
    expect((other.get("textarea").element as HTMLTextAreaElement).value).toBe("");
  });

  it("sends with Ctrl+Enter and then forgets the draft", async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetch);
    const wrapper = mount(ReplyBox, { props: { caseId: 7 }, global: { plugins: [i18nZh()] } });
    await wrapper.get("textarea").setValue("已通知物业");
    await wrapper.get("textarea").trigger("keydown", { key: "Enter", ctrlKey: true });
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/cases/7/reply");
    expect(JSON.parse(String(init.body))).toEqual({ text: "已通知物业" });
    expect(wrapper.emitted("sent")).toHaveLength(1);
    expect(localStorage.getItem("omni.draft.7")).toBeNull();
  });

  it("sends nothing on a withdrawn complaint, says so, and still takes a note", async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetch);
    const wrapper = mount(ReplyBox, { props: { caseId: 7, status: "withdrawn" }, global: { plugins: [i18nZh()] } });
    await wrapper.get("textarea").setValue("还在吗");
    await wrapper.get("textarea").trigger("keydown", { key: "Enter", ctrlKey: true });
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    expect(fetch).not.toHaveBeenCalled();
    expect(wrapper.get("button[type=submit]").attributes("disabled")).toBeDefined();
    expect(wrapper.get("[data-test=reply-withdrawn]").text()).toBe("此投诉已撤回，不再向投诉人发送答复；仍可添加内部备注。");
    const note = wrapper.findAll("button").find((b) => b.text() === "添加内部备注");
    expect(note?.attributes("disabled")).toBeUndefined();
    await note?.trigger("click");
    await flushPromises();
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe("/api/cases/7/notes");
  });

  it("keeps the draft and says why when the hub refuses", async () => {
    // Said from the problem's code in the user's language, never the server's English detail (issue 14.2).
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ code: "command.conflict", detail: "Case 7 was withdrawn." }), { status: 409 })));
    const wrapper = mount(ReplyBox, { props: { caseId: 7 }, global: { plugins: [i18nZh()] } });
    await wrapper.get("textarea").setValue("还在吗");
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    expect(wrapper.get("[role=alert]").text()).toContain("案件当前的状态不允许此操作");
    expect(wrapper.get("[role=alert]").text()).not.toContain("withdrawn");
    expect(localStorage.getItem("omni.draft.7")).toBe("还在吗");
  });

  it("does not send on a plain Enter", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const wrapper = mount(ReplyBox, { props: { caseId: 7 }, global: { plugins: [i18nZh()] } });
    await wrapper.get("textarea").setValue("第一行");
    await wrapper.get("textarea").trigger("keydown", { key: "Enter" });
    expect(fetch).not.toHaveBeenCalled();
  });
});
