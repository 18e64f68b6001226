import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { nextTick } from "vue";
import { me } from "../session";
import { onShortcut, setShortcutsEnabled, shortcutsEnabled } from "../shortcuts";

function press(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { key, cancelable: true, ...init });
  Object.defineProperty(event, "target", { value: target });
  return event;
}

describe("one-letter shortcuts", () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => (me.value = null));

  it("run on a letter, never while typing in a field or with a modifier", () => {
    const next = vi.fn();
    expect(onShortcut(press("j"), { j: next })).toBe(true);
    const input = document.createElement("textarea");
    document.body.append(input);
    expect(onShortcut(press("j", input), { j: next })).toBe(false);
    expect(onShortcut(press("j", document.body, { ctrlKey: true }), { j: next })).toBe(false);
    expect(next).toHaveBeenCalledTimes(1);
    input.remove();
  });

  it("can be turned off, kept per user in this browser", async () => {
    me.value = { id: 1, username: "li", displayName: "李客服", roles: ["agent"], departmentId: null, disabled: false };
    await nextTick();
    setShortcutsEnabled(false);
    const next = vi.fn();
    expect(onShortcut(press("j"), { j: next })).toBe(false);
    expect(next).not.toHaveBeenCalled();
    expect(localStorage.getItem("omni.shortcuts.li")).toBe("off");

    // Another user on the same browser keeps theirs; the first gets the setting back.
    me.value = { id: 2, username: "wu", displayName: "吴客服", roles: ["agent"], departmentId: null, disabled: false };
    await nextTick();
    expect(shortcutsEnabled.value).toBe(true);
    me.value = { id: 1, username: "li", displayName: "李客服", roles: ["agent"], departmentId: null, disabled: false };
    await nextTick();
    expect(shortcutsEnabled.value).toBe(false);
  });
});
