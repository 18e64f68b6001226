import { describe, expect, it } from "vitest";
import { dateInWords } from "../dateWords";

describe("a chosen date in words", () => {
  it("says the date and its weekday in the user's language", () => {
    expect(dateInWords("2026-12-01", "zh-CN")).toBe("2026年12月1日星期二");
    expect(dateInWords("2026-12-01", "en")).toBe("Tuesday, December 1, 2026");
  });

  it("keeps the calendar date whatever the browser's zone (no day shift) and says nothing for no date", () => {
    expect(dateInWords("2027-01-01", "zh-CN")).toBe("2027年1月1日星期五");
    expect(dateInWords("", "zh-CN")).toBe("");
    expect(dateInWords("12/01/2026", "en")).toBe("");
  });
});
