import type { CalendarView } from "../adminApi";

/**
 * What a day is on the calendar the deadlines are counted on (policy: working days exclude weekends and the State
 * Council's holidays, include its make-up working days; the organisation's own days win over both).
 */
export type DayKind = "working" | "weekend" | "holiday" | "makeup" | "orgOff" | "orgWorking";

export interface GridDay {
  iso: string;
  day: number;
  kind: DayKind;
  working: boolean;
  /** The organisation's name for its own day (e.g. 公司年会). */
  name: string;
  /** The official holiday the day belongs to (a code the messages name: national-day, …), or "". */
  holiday: string;
}

export interface GridMonth {
  month: number;
  /** Empty cells before the 1st, Monday first. */
  lead: number;
  days: GridDay[];
  /** The month as weeks of seven cells, null outside the month. */
  weeks: (GridDay | null)[][];
}

const pad = (n: number) => String(n).padStart(2, "0");
export const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

export function dayKind(calendar: CalendarView, iso: string): Omit<GridDay, "iso" | "day"> {
  const own = calendar.adminDays.find((d) => d.day === iso);
  if (own) return { kind: own.working ? "orgWorking" : "orgOff", working: own.working, name: own.name, holiday: "" };
  const official = calendar.officialDays.find((d) => d.day === iso);
  if (official) return { kind: official.working ? "makeup" : "holiday", working: official.working, name: "", holiday: official.holiday ?? "other" };
  const weekday = new Date(`${iso}T12:00:00Z`).getUTCDay();
  const working = calendar.workingWeekdays.includes(weekday);
  return { kind: working ? "working" : "weekend", working, name: "", holiday: "" };
}

/** The twelve months of a year as a Monday-first grid. */
export function yearGrid(calendar: CalendarView, year: number): GridMonth[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const lead = (new Date(Date.UTC(year, i, 1)).getUTCDay() + 6) % 7;
    const days = Array.from({ length }, (_, d) => {
      const iso = isoDay(year, month, d + 1);
      return { iso, day: d + 1, ...dayKind(calendar, iso) };
    });
    const cells: (GridDay | null)[] = [...Array<null>(lead).fill(null), ...days];
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
    return { month, lead, days, weeks };
  });
}
