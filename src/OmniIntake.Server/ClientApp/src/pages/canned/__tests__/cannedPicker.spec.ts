import { describe, expect, it } from "vitest";
import type { CannedReply } from "@/api/types";
import { insert, matching, triggerAt } from "../cannedPicker";

const reply = (id: number, shortcut: string, title: string, language: "zh-CN" | "en"): CannedReply =>
  ({ id, shortcut, title, language, text: `text ${id}`, shared: true, owner: null, updatedAt: "2026-12-01T00:00:00Z" });

describe("the canned reply picker's logic", () => {
  it("opens on '::' before the caret and closes at a space", () => {
    expect(triggerAt("您好 ::致", 6)).toEqual({ start: 3, query: "致" });
    expect(triggerAt("::", 2)).toEqual({ start: 0, query: "" });
    expect(triggerAt("::thanks a", 10)).toBeNull();
    expect(triggerAt("no trigger", 10)).toBeNull();
  });

  it("filters by shortcut or title, the shortcut's start and the agent's language first", () => {
    const replies = [reply(1, "refund", "Refund", "en"), reply(2, "refund", "退款", "zh-CN"), reply(3, "xrefund", "Later", "zh-CN"), reply(4, "other", "Other", "en")];
    expect(matching(replies, "ref", "zh-CN").map((r) => r.id)).toEqual([2, 1, 3]);
    expect(matching(replies, "ref", "en").map((r) => r.id)).toEqual([1, 2, 3]);
    expect(matching(replies, "退", "zh-CN").map((r) => r.id)).toEqual([2]);
    expect(matching(replies, "", "en").map((r) => r.id)).toContain(4);
  });

  it("replaces '::query' with the reply and puts the caret after it", () => {
    expect(insert("您好 ::致 谢谢", { start: 3, query: "致" }, 6, "非常抱歉")).toEqual({ text: "您好 非常抱歉 谢谢", caret: 7 });
  });
});
