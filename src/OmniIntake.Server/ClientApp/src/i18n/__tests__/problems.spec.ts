import { describe, expect, it } from "vitest";
import { messages } from "..";
import { makeI18n } from "..";
import { ApiError } from "@/api/client";
import { problemMessage } from "../problems";
import codes from "../problem-codes.json";

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string): unknown {
  const [group, key] = [path.slice(0, path.indexOf(".")), path.slice(path.indexOf(".") + 1)];
  const node = tree[group];
  return typeof node === "object" ? node[key] : undefined;
}

describe("problem codes", () => {
  // The same list is ProblemCodes.All on the server (ProblemCodeCatalogTests checks that side).
  it("each code the hub sends has a message in both languages", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const problem = (messages[locale] as unknown as Tree).problem as Tree;
      expect(codes.filter((c) => typeof lookup(problem, c) !== "string"), locale).toEqual([]);
    }
  });

  it("each message in the catalog belongs to a code the hub sends", () => {
    const problem = (messages["zh-CN"] as unknown as Tree).problem as Tree;
    const keys = Object.entries(problem).flatMap(([group, v]) => (typeof v === "string" ? [] : Object.keys(v).map((k) => `${group}.${k}`)));
    expect(keys.filter((k) => !codes.includes(k))).toEqual([]);
  });

  it("renders a code in the user's language, never the server's English", () => {
    const i18n = makeI18n("zh-CN");
    const { t, te } = i18n.global;
    const refused = new ApiError(409, { code: "command.conflict", title: "Conflict", detail: "Case 1 is resolved and cannot be forwarded." });
    expect(problemMessage(refused, t, te)).toBe("案件当前的状态不允许此操作，请刷新后查看。");
    i18n.global.locale.value = "en";
    expect(problemMessage(refused, t, te)).toBe("The case's current state does not allow this; reload to see it.");
  });

  it("names an unknown code or the status instead of showing the server's text", () => {
    const { t, te } = makeI18n("zh-CN").global;
    expect(problemMessage(new ApiError(400, { code: "something.new", detail: "English text" }), t, te)).toBe("操作未能完成（something.new）。");
    expect(problemMessage(new ApiError(502, {}), t, te)).toBe("操作未能完成（HTTP 502）。");
    expect(problemMessage(new TypeError("Failed to fetch"), t, te)).toBe("网络错误，请检查连接。");
  });
});
