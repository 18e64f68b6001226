/**
 * A chosen date said in words in the user's language (issue 14 item 4), e.g. "2026年12月1日星期二" or
 * "Tuesday, December 1, 2026". A date input holds a calendar date (yyyy-MM-dd) that the policy reads in the
 * organisation's zone; it is formatted at noon UTC in UTC so no browser zone can move it to the next or previous day.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

// One formatter per language: a year's grid labels 365 days on every render.
function formatter(locale: string): Intl.DateTimeFormat {
  let found = formatters.get(locale);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric", weekday: "long" });
    formatters.set(locale, found);
  }
  return found;
}

export function dateInWords(isoDate: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return "";
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return formatter(locale).format(at);
}
