import { describe, expect, it } from "vitest";
import { nowIn, zonedIso } from "../zonedTime";

describe("a moment picked in the organisation's zone", () => {
  it("carries the zone's offset, whatever the browser's zone", () => {
    expect(zonedIso("2026-11-24", "09:15", "Asia/Shanghai")).toBe("2026-11-24T09:15:00+08:00");
    expect(zonedIso("2026-07-01", "18:30", "Europe/Berlin")).toBe("2026-07-01T18:30:00+02:00");
    expect(zonedIso("2026-01-01", "08:00", "America/New_York")).toBe("2026-01-01T08:00:00-05:00");
  });

  it("reads now as the zone's clock shows it", () => {
    expect(nowIn("Asia/Shanghai", Date.parse("2026-12-01T17:30:00Z"))).toEqual({ date: "2026-12-02", time: "01:30" });
  });
});
