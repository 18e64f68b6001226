/**
 * Reply drafts per case, kept in localStorage so a half-written reply survives a re-render, a live update, switching
 * cases and a reload (issue 14: "an agent loses a half-written reply whenever the customer writes").
 */
const prefix = "omni.draft.";

export function loadDraft(caseId: number): string {
  return localStorage.getItem(prefix + caseId) ?? "";
}

export function saveDraft(caseId: number, text: string): void {
  if (text.length === 0) localStorage.removeItem(prefix + caseId);
  else localStorage.setItem(prefix + caseId, text);
}

export function clearDraft(caseId: number): void {
  localStorage.removeItem(prefix + caseId);
}
