import { describe, expect, it } from "vitest";
import { makeI18n, messages } from "..";
import { historyMessage } from "../history";
import codes from "../history-codes.json";

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string[]): unknown {
  let node: unknown = tree;
  for (const part of path) node = typeof node === "object" && node !== null ? (node as Tree)[part] : undefined;
  return node;
}

/** A code's path in the catalog: its prefix, then the rest ("case.sent-back" → case / sent-back). */
const pathOf = (code: string) => [code.slice(0, code.indexOf(".")), code.slice(code.indexOf(".") + 1)];

describe("history codes", () => {
  // The same list is Core's HistoryCodes.All on the server (HistoryCodeTests checks that side).
  it("each audit action and event kind the hub sends has a message in both languages", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const code = ((messages[locale] as unknown as Tree).history as Tree).code as Tree;
      expect(codes.filter((c) => typeof lookup(code, pathOf(c)) !== "string"), locale).toEqual([]);
    }
  });

  it("each message in the catalog belongs to a code the hub sends", () => {
    const code = ((messages["zh-CN"] as unknown as Tree).history as Tree).code as Tree;
    const keys = Object.entries(code).flatMap(([group, v]) => (typeof v === "string" ? [group] : Object.keys(v).map((k) => `${group}.${k}`)));
    expect(keys.filter((k) => !codes.includes(k))).toEqual([]);
  });

  it("says a code in the user's language, and names an unknown one as another action", () => {
    const i18n = makeI18n("zh-CN");
    const { t, te } = i18n.global;
    expect(historyMessage("case.opened", t, te)).toBe("投诉已受理");
    expect(historyMessage("case.sent-back", t, te)).toBe("部门已退回客服中心");
    expect(historyMessage("deadline.atRisk", t, te)).toBe("时限即将到期");
    expect(historyMessage("case.teleported", t, te)).toBe("其他操作（case.teleported）");
    i18n.global.locale.value = "en";
    expect(historyMessage("case.forwarded", t, te)).toBe("Forwarded to the responsible department");
  });
});
