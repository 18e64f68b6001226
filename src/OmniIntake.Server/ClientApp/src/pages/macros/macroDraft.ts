import type { MacroAction, MacroActionKind, MacroInput, MacroStepPreview } from "@/api/types";

/** The kinds in the order the editor offers them (the order a macro usually runs them in). */
export const macroKinds: MacroActionKind[] = ["reply", "category", "class", "forward", "pause", "resolve"];

/** Pausing or resolving ends a macro: a waiting or resolved case takes no further step (the hub's MacroRules). */
export const endsTheMacro = (kind: MacroActionKind): boolean => kind === "pause" || kind === "resolve";

export function blankAction(kind: MacroActionKind): MacroAction {
  switch (kind) {
    case "reply": return { kind, cannedReplyId: null };
    case "category": return { kind, category: "" };
    case "class": return { kind, class: "" };
    case "forward": return { kind, departmentId: null, note: "" };
    case "pause": return { kind, waitingFor: "customer", note: "" };
    case "resolve": return { kind, note: "" };
  }
}

/** A message key (and its parameters) saying what is missing before saving, or null: the hub checks the same again. */
export function checkDraft(input: MacroInput): { key: string; step?: number } | null {
  if (!input.nameZh.trim() || !input.nameEn.trim()) return { key: "macros.local.name" };
  if (input.actions.length === 0) return { key: "macros.local.noSteps" };
  for (const [i, a] of input.actions.entries()) {
    const step = i + 1;
    if (input.actions.slice(0, i).some((b) => b.kind === a.kind)) return { key: "macros.local.twice", step };
    if (endsTheMacro(a.kind) && i !== input.actions.length - 1) return { key: "macros.local.order" };
    const complete =
      (a.kind === "reply" && a.cannedReplyId != null) || (a.kind === "category" && !!a.category) || (a.kind === "class" && !!a.class)
      || (a.kind === "forward" && a.departmentId != null) || ((a.kind === "pause" || a.kind === "resolve") && !!a.note?.trim());
    if (!complete) return { key: "macros.local.incomplete", step };
  }
  return null;
}

/** The step moved one place up (-1) or down (+1); unchanged at either end. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  copy.splice(to, 0, ...copy.splice(index, 1));
  return copy;
}

/** Steps an agent must confirm before the macro runs (issue 15 item 7: resolving and forwarding). */
export const confirmations = (steps: readonly MacroStepPreview[]): MacroStepPreview[] => steps.filter((s) => s.needsConfirmation);
