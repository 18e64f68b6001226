import { describe, expect, it } from "vitest";
import { makeI18n } from "..";
import { clock, ruleText } from "../rules";

function translator(locale: "zh-CN" | "en") {
  const i18n = makeI18n(locale);
  const t = i18n.global.t as unknown as (key: string, ...args: unknown[]) => string;
  return (key: string, named?: Record<string, unknown>, plural?: number) => (plural === undefined ? t(key, named ?? {}) : t(key, plural, { named }));
}

describe("deadline rules in words", () => {
  it("renders the off-hours rule with its start in Chinese", () => {
    const text = ruleText(translator("zh-CN"), { code: "policy.5.2.2.off-hours", parameters: { windowMinutes: 60, start: "2026-12-02 09:00" } });
    expect(text).toBe("政策 5.2.2：工作日非工作时间收到，须在上班（2026-12-02 09:00）后 1 小时内转交");
  });

  it("renders the owner's answer in working hours, with plurals in English", () => {
    const en = translator("en");
    expect(ruleText(en, { code: "policy.5.2.5.owner-answer", parameters: { minutes: 240, working: 1 } })).toBe(
      "Policy 5.2.5: the department's written answer within 4 working hours after forwarding",
    );
    expect(ruleText(en, { code: "policy.5.2.2.working-hours", parameters: { windowMinutes: 1 } })).toBe(
      "Policy 5.2.2: received in working hours: forward within 1 minute",
    );
    expect(ruleText(en, { code: "custom.answer", parameters: { workingDays: 3, source: "Hotel rule" } })).toBe(
      "Hotel rule: answer within 3 working days after forwarding",
    );
  });

  it("says so when the hub sent no code it knows, instead of showing a code", () => {
    expect(ruleText(translator("zh-CN"), undefined)).toBe("时限规则（服务器未提供说明代码）");
    expect(ruleText(translator("zh-CN"), { code: "policy.9.9", parameters: {} })).not.toContain("policy");
  });

  it("formats countdowns", () => {
    expect(clock(65_000)).toBe("1:05");
    expect(clock(3_600_000 + 61_000)).toBe("1:01:01");
    expect(clock(-30_000)).toBe("0:30");
  });
});
