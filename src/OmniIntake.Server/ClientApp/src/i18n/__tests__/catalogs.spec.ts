import { describe, expect, it } from "vitest";
import { catalogCollisions, messages } from "..";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const zh = leaves(messages["zh-CN"] as unknown as Tree);
const en = leaves(messages.en as unknown as Tree);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message catalogs", () => {
  it("define each top-level key in one file only (the base catalog or one area)", () => {
    expect(catalogCollisions).toEqual([]);
  });

  it("have every key in both languages", () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it("have no empty message", () => {
    expect([...zh, ...en].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const differ = [...zh.keys()].filter((k) => {
      const a = new Set(placeholders(zh.get(k) ?? ""));
      const b = new Set(placeholders(en.get(k) ?? ""));
      return a.size !== b.size || [...a].some((p) => !b.has(p));
    });
    expect(differ).toEqual([]);
  });

  it("say every Chinese message in Chinese (no English word on a zh-CN page)", () => {
    // Placeholders, numbers, policy numbers and "OmniIntake" (the product's name) aside.
    const english = [...zh].filter(([, v]) => /[A-Za-z]{2,}/.test(v.replace(/\{\w+\}/g, "").replace("OmniIntake", "").replace(/Ctrl\+Enter/, "")));
    expect(english.map(([k]) => k)).toEqual([]);
  });
});
