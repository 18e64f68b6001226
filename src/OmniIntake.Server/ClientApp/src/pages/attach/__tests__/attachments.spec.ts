import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeI18n } from "@/i18n";
import MessageAttachments from "../MessageAttachments.vue";
import ReplyAttachments from "../ReplyAttachments.vue";
import WithdrawalBanner from "../WithdrawalBanner.vue";

const zh = () => makeI18n("zh-CN");
const recorded = JSON.stringify([
  { fileName: "扣款截图.png", contentType: "image/png", size: 204800, storageKey: "file-7", refusedReason: null },
  { fileName: "账单.pdf", contentType: "application/pdf", size: 3 * 1024 * 1024, storageKey: "file-8", refusedReason: null },
  { fileName: "media-2", contentType: "image/jpeg", size: 0, storageKey: null, refusedReason: "attachment.host-not-allowed" },
]);

describe("attachments in the workspace", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("show an image as a thumbnail, other files by name and size, and what was not kept with why, in Chinese", () => {
    const wrapper = mount(MessageAttachments, { props: { messageId: 5, attachments: recorded }, global: { plugins: [zh()] } });
    const image = wrapper.get("img");
    expect(image.attributes("src")).toBe("/api/messages/5/attachments/file-7?inline=true");
    expect(image.attributes("alt")).toContain("扣款截图.png");
    expect(wrapper.findAll("img")).toHaveLength(1);
    const links = wrapper.findAll("a").map((a) => a.attributes("href"));
    expect(links).toEqual(["/api/messages/5/attachments/file-7", "/api/messages/5/attachments/file-8"]);
    expect(wrapper.text()).toContain("账单.pdf (3 MB)");
    expect(wrapper.text()).toContain("media-2 未保存：彩信图片的地址不是短信服务商的，未下载");
  });

  it("show nothing for a message without attachments", () => {
    const wrapper = mount(MessageAttachments, { props: { messageId: 5, attachments: "[]" }, global: { plugins: [zh()] } });
    expect(wrapper.find("[data-test=attachments]").exists()).toBe(false);
  });

  it("say why the hub refused a file the agent attached, and keep the accepted ones", async () => {
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      const file = (init.body as FormData).get("file") as File;
      return file.name === "page.png"
        ? new Response(JSON.stringify({ code: "attachment.type-not-allowed", maxBytes: 10485760 }), { status: 400 })
        : new Response(JSON.stringify({ fileName: file.name, contentType: "application/pdf", size: 2048, storageKey: "file-9", refusedReason: null }));
    });
    vi.stubGlobal("fetch", fetch);
    const wrapper = mount(ReplyAttachments, { props: { caseId: 7, modelValue: [] }, global: { plugins: [zh()] } });
    const input = wrapper.get("[data-test=attach-input]").element as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [new File(["%PDF-1.4"], "回执.pdf"), new File(["<html>"], "page.png")], configurable: true });
    await wrapper.get("[data-test=attach-input]").trigger("change");
    await flushPromises();
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(["/api/cases/7/files", "/api/cases/7/files"]);
    const updates = wrapper.emitted("update:modelValue") ?? [];
    const model = (updates[updates.length - 1]?.[0] ?? []) as { storageKey: string }[];
    expect(model.map((a) => a.storageKey)).toEqual(["file-9"]);
    expect(wrapper.get("[role=alert]").text()).toBe("只能附加这些格式的文件：JPG、PNG、WebP、GIF、PDF。");
  });

  it("tell the agent that the customer asks to withdraw, with the reason, and that it must be checked to be voluntary", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify([
      { id: 1, caseId: 42, reason: "物业已经修好了", requestedAt: "2026-12-01T03:00:00Z", messageId: 9 },
    ]))));
    const wrapper = mount(WithdrawalBanner, { props: { caseId: 42, status: "received", messageCount: 3 }, global: { plugins: [zh()] } });
    await flushPromises();
    const banner = wrapper.get("[data-test=withdrawal]");
    expect(banner.text()).toContain("客户申请撤回投诉");
    expect(banner.text()).toContain("原因：物业已经修好了");
    expect(banner.text()).toContain("自愿");
    await wrapper.setProps({ status: "withdrawn" });
    expect(wrapper.find("[data-test=withdrawal]").exists()).toBe(false);
  });
});
