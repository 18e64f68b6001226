/** Local dates (YYYY-MM-DD) in the organisation's zone: the report's periods are days as the organisation counts them. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const pad = (n: number) => String(n).padStart(2, "0");

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The quick choices of the period picker, from today's local date. */
export function quickPeriods(today: string): Record<"thisHalf" | "thisMonth" | "lastMonth", { from: string; to: string }> {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const first = `${year}-${pad(month)}-01`;
  const [ly, lm] = month === 1 ? [year - 1, 12] : [year, month - 1];
  return {
    thisHalf: { from: first, to: `${year}-${pad(month)}-15` < today ? `${year}-${pad(month)}-15` : today },
    thisMonth: { from: first, to: today },
    lastMonth: { from: `${ly}-${pad(lm)}-01`, to: `${ly}-${pad(lm)}-${pad(lastDayOf(ly, lm))}` },
  };
}

/** The file name the hub gives a report (ReportFiles.FileName): report-YYYYMMDD-YYYYMMDD.ext, to inclusive. */
export const reportFileName = (from: string, to: string, format: string) => `report-${from.replaceAll("-", "")}-${to.replaceAll("-", "")}.${format}`;

/** A generated report's period ("2026-11-H1" or "2026-11") as its parts. */
export function periodParts(period: string): { year: string; month: string; half: boolean } {
  const [year = "", month = "", half] = period.split("-");
  return { year, month: String(Number(month)), half: half === "H1" };
}
