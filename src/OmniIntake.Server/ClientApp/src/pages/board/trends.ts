import type { components } from "@/api/schema";

// The board's trend charts (issue 14): the buckets the hub counts (GET /api/board/trends) turned into series and words.

export type TrendFlow = components["schemas"]["TrendFlow"];

export type TrendPoint = components["schemas"]["TrendPoint"];

export type TrendGrain = "day" | "week" | "month";

/** What the charts are asked for: the grain, how many buckets, the last day, and the filters ("" = all). */
export interface TrendQuery {
  by: TrendGrain;
  count: number;
  to: string;
  channel: string;
  department: string;
}

/** One chart: a measure alone (received) or two stacked (in time / late). */
export type TrendMeasure = "received" | "forwarded" | "answered";
export type TrendPart = "received" | "inTime" | "late";

export interface TrendBar {
  label: string;
  parts: { part: TrendPart; value: number }[];
  total: number;
}

/** The buckets' label: a day, a week (its first and last day) or a month, in the reader's language. */
export function bucketLabel(point: Pick<TrendPoint, "from" | "to">, grain: TrendGrain, locale: string): string {
  const day = (iso: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  if (grain === "month") return day(point.from, { year: "numeric", month: "long" });
  if (grain === "week") return `${day(point.from, { month: "short", day: "numeric" })}–${day(point.to, { month: "short", day: "numeric" })}`;
  return day(point.from, { month: "short", day: "numeric", weekday: "short" });
}

export function bars(points: TrendPoint[], measure: TrendMeasure, grain: TrendGrain, locale: string): TrendBar[] {
  return points.map((p) => {
    const parts: TrendBar["parts"] =
      measure === "received"
        ? [{ part: "received", value: p.flow.received }]
        : measure === "forwarded"
          ? [{ part: "inTime", value: p.flow.forwardedInTime }, { part: "late", value: p.flow.forwardedLate }]
          : [{ part: "inTime", value: p.flow.answeredInTime }, { part: "late", value: p.flow.answeredLate }];
    return { label: bucketLabel(p, grain, locale), parts, total: parts.reduce((sum, x) => sum + x.value, 0) };
  });
}

/** The local date (YYYY-MM-DD) of an instant in the organisation's zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
