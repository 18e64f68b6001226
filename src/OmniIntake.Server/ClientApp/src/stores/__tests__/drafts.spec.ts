import { beforeEach, describe, expect, it } from "vitest";
import { clearDraft, loadDraft, saveDraft } from "../drafts";

describe("reply drafts", () => {
  beforeEach(() => localStorage.clear());

  it("keeps one draft per case", () => {
    saveDraft(1, "您好");
    saveDraft(2, "another");
    expect(loadDraft(1)).toBe("您好");
    expect(loadDraft(2)).toBe("another");
    clearDraft(1);
    expect(loadDraft(1)).toBe("");
    expect(loadDraft(2)).toBe("another");
  });

  it("forgets an emptied draft", () => {
    saveDraft(3, "x");
    saveDraft(3, "");
    expect(localStorage.length).toBe(0);
  });
});
