import type { RuleCode } from "@/api/types";

type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string;

/** A span of minutes as words: "30 分钟", "4 hours", "2 days"; working time says so. */
export function duration(t: Translate, minutes: number, working = false): string {
  if (working) {
    const hours = minutes / 60;
    return Number.isInteger(hours) ? t("duration.workingHours", { n: hours }, hours) : t("duration.minutes", { n: minutes }, minutes);
  }
  if (minutes >= 2880 && minutes % 1440 === 0) return t("duration.days", { n: minutes / 1440 }, minutes / 1440);
  if (minutes >= 60 && minutes % 60 === 0) return t("duration.hours", { n: minutes / 60 }, minutes / 60);
  return t("duration.minutes", { n: minutes }, minutes);
}

const keys: Record<string, string> = {
  "policy.5.2.2.day-off": "rule.dayOff",
  "policy.5.2.2.forum-working-hours": "rule.forumWorkingHours",
  "policy.5.2.2.working-hours": "rule.workingHours",
  "policy.5.2.2.off-hours": "rule.offHours",
  "policy.5.2.5.owner-answer": "rule.ownerAnswer",
  "policy.5.3.1.public-reply": "rule.publicReply",
  "custom.answer": "rule.customAnswer",
  "policy.4.1.2.major-first-answer": "rule.majorFirstAnswer",
  "fixed.forward": "rule.fixedForward",
  "fixed.answer": "rule.fixedAnswer",
  "fixed.first-answer": "rule.fixedFirstAnswer",
  "clock.resumed": "pause.resumedRule",
};

function span(t: Translate, p: Record<string, string | number>): string {
  if (typeof p.workingDays === "number") return t("duration.workingDays", { n: p.workingDays }, p.workingDays);
  return duration(t, Number(p.minutes ?? 0), p.working === 1);
}

/**
 * A deadline's rule in the user's language, from the stable code and parameters the hub sends beside its English
 * text (issue 14: "the server speaks codes, the UI speaks the user's language").
 */
export function ruleText(t: Translate, rule: RuleCode | undefined): string {
  const key = rule ? keys[rule.code] : undefined;
  if (!rule || !key) return t("rule.unknown");
  const p = rule.parameters;
  return t(key, {
    window: typeof p.windowMinutes === "number" ? duration(t, p.windowMinutes) : "",
    span: span(t, p),
    // When work starts, in the organisation's zone as the hub wrote it ("2026-12-02 09:00"): digits only, no words.
    start: typeof p.start === "string" ? p.start : "",
    source: p.source ?? "",
  });
}

/** A countdown as h:mm:ss (or m:ss), for the time left or overdue. */
export function clock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
