import { describe, expect, it } from "vitest";
import { homeOf, mayOpen, navigableAreas } from "../roles";

describe("role-aware navigation", () => {
  it("lands each role where it works", () => {
    expect(homeOf(["agent"])).toBe("/queue");
    expect(homeOf(["owner"])).toBe("/owner");
    expect(homeOf(["supervisor"])).toBe("/board");
    expect(homeOf(["admin"])).toBe("/admin");
    expect(homeOf([])).toBe("/refused");
  });

  it("shows only what the role may open", () => {
    expect(navigableAreas(["owner"])).toEqual(["owner"]);
    expect(navigableAreas(["agent"])).toEqual(["queue"]);
    expect(navigableAreas(["supervisor"])).toEqual(["queue", "owner", "board", "team"]);
    expect(navigableAreas(["admin"])).toEqual(["queue", "owner", "board", "admin", "team"]);
    expect(mayOpen(["agent"], "team")).toBe(false);
    expect(mayOpen(["owner"], "queue")).toBe(false);
  });
});
