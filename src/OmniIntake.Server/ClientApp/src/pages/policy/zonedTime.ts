/** The zone's offset from UTC, in minutes, at an instant (e.g. +480 for Asia/Shanghai). */
export function offsetMinutes(zone: string, instant: number): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(new Date(instant))
    .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");

/**
 * A wall-clock date and time in the organisation's zone as ISO 8601 with that zone's offset (what the hub's policy
 * preview reads), whatever the browser's zone: nobody types an offset by hand (issue 14).
 */
export function zonedIso(date: string, time: string, zone: string): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  // The offset at the wall time read as UTC, then once more at the instant it gives (right across a DST change).
  let offset = offsetMinutes(zone, wall);
  offset = offsetMinutes(zone, wall - offset * 60000);
  return `${date}T${time}:00${offset < 0 ? "-" : "+"}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** Now, as the date and time a person in the organisation's zone reads on a clock. */
export function nowIn(zone: string, now = Date.now()): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(now))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
