import type { CannedReply } from "@/api/types";

/** What typing "::" opens (issue 15 item 4): the query typed after it, and where it starts in the text. */
export interface Trigger {
  start: number;
  query: string;
}

/** The "::query" just before the caret, if the agent is typing one (no space or line break after "::"). */
export function triggerAt(text: string, caret: number): Trigger | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("::");
  if (at < 0) return null;
  const query = before.slice(at + 2);
  if (/\s/.test(query) || query.length > 40) return null;
  return { start: at, query };
}

/** Replies whose shortcut or title holds the query; the shortcut's start first, the agent's language before the other. */
export function matching(replies: CannedReply[], query: string, language: string): CannedReply[] {
  const q = query.toLowerCase();
  const rank = (r: CannedReply) =>
    (r.shortcut.toLowerCase().startsWith(q) ? 0 : 2) + (r.language === language ? 0 : 1);
  return replies
    .filter((r) => r.shortcut.toLowerCase().includes(q) || r.title.toLowerCase().includes(q))
    .sort((a, b) => rank(a) - rank(b) || a.shortcut.localeCompare(b.shortcut));
}

/** The text with "::query" replaced by the inserted reply, and the caret after it. */
export function insert(text: string, trigger: Trigger, caret: number, inserted: string): { text: string; caret: number } {
  return { text: text.slice(0, trigger.start) + inserted + text.slice(caret), caret: trigger.start + inserted.length };
}
