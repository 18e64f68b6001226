import { describe, expect, it } from "vitest";
import { smsSegments } from "../smsSegments";

describe("the SMS segment counter", () => {
  it("counts GSM-7 text as 160 in one SMS and 153 per part", () => {
    expect(smsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1, perSegment: 160 });
    expect(smsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", units: 161, segments: 2, perSegment: 153 });
    expect(smsSegments("a".repeat(306)).segments).toBe(2);
    expect(smsSegments("a".repeat(307)).segments).toBe(3);
  });

  it("counts an extension character (€, braces) as two GSM positions", () => {
    expect(smsSegments("€".repeat(80))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsSegments("{".repeat(81))).toMatchObject({ encoding: "GSM-7", units: 162, segments: 2 });
  });

  it("sends Chinese as UCS-2: 70 in one SMS, 67 per part", () => {
    expect(smsSegments("您".repeat(70))).toEqual({ encoding: "UCS-2", units: 70, segments: 1, perSegment: 70 });
    expect(smsSegments("您".repeat(71))).toEqual({ encoding: "UCS-2", units: 71, segments: 2, perSegment: 67 });
    expect(smsSegments("您".repeat(134)).segments).toBe(2);
    expect(smsSegments("您".repeat(135)).segments).toBe(3);
  });

  it("turns a whole English text into UCS-2 when one character is outside GSM-7", () => {
    expect(smsSegments(`${"a".repeat(69)}您`)).toMatchObject({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(smsSegments("ok 😀")).toMatchObject({ encoding: "UCS-2", units: 5 });
    expect(smsSegments("")).toMatchObject({ segments: 0 });
  });
});
