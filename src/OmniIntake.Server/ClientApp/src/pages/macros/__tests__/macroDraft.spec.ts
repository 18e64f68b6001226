import { describe, expect, it } from "vitest";
import type { MacroStepPreview } from "@/api/types";
import { blankAction, checkDraft, confirmations, moved } from "../macroDraft";

describe("a macro draft", () => {
  const named = { nameZh: "转物业", nameEn: "To property" };

  it("needs both names and at least one complete step", () => {
    expect(checkDraft({ nameZh: "转物业", nameEn: " ", actions: [blankAction("category")] })).toEqual({ key: "macros.local.name" });
    expect(checkDraft({ ...named, actions: [] })).toEqual({ key: "macros.local.noSteps" });
    expect(checkDraft({ ...named, actions: [blankAction("reply")] })).toEqual({ key: "macros.local.incomplete", step: 1 });
    expect(checkDraft({ ...named, actions: [{ kind: "category", category: "property-management" }, { kind: "resolve", note: "  " }] }))
      .toEqual({ key: "macros.local.incomplete", step: 2 });
    expect(checkDraft({ ...named, actions: [{ kind: "reply", cannedReplyId: 3 }, { kind: "forward", departmentId: 2, note: "" }] })).toBeNull();
  });

  it("keeps each action once and pausing or resolving last", () => {
    const category = { kind: "category" as const, category: "property-management" };
    expect(checkDraft({ ...named, actions: [category, category] })).toEqual({ key: "macros.local.twice", step: 2 });
    expect(checkDraft({ ...named, actions: [{ kind: "resolve", note: "已处理" }, category] })).toEqual({ key: "macros.local.order" });
  });

  it("moves a step up or down, never past either end", () => {
    expect(moved(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b"], 0, -1)).toEqual(["a", "b"]);
  });

  it("asks to confirm the forwarding and resolving steps only", () => {
    const step = (n: number, kind: MacroStepPreview["kind"], needsConfirmation: boolean): MacroStepPreview => ({
      step: n, kind, text: null, missing: null, category: null, class: null, departmentId: null, departmentName: null, waitingFor: null, note: null,
      needsConfirmation,
    });
    expect(confirmations([step(1, "reply", false), step(2, "forward", true), step(3, "resolve", true)]).map((s) => s.step)).toEqual([2, 3]);
  });
});
