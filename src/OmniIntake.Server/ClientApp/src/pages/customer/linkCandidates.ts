import type { CaseSearchHit, ContactHit } from "@/api/types";

/** A contact the agent may link: found through one of its cases (number, channel) or by a handle only (no case yet). */
export interface LinkCandidate {
  contactId: number;
  name: string | null;
  number: string | null;
  channel: string | null;
  handle: string | null;
}

/** One row per contact not already this person: those with cases first (as the case search ranks them), then handle-only ones. */
export function candidates(hits: readonly CaseSearchHit[], contacts: readonly ContactHit[], person: ReadonlySet<number>): LinkCandidate[] {
  const seen = new Set<number>(person);
  const rows: LinkCandidate[] = [];
  for (const h of hits) {
    if (seen.has(h.contactId)) continue;
    seen.add(h.contactId);
    rows.push({ contactId: h.contactId, name: h.complainantName, number: h.number, channel: h.channel, handle: null });
  }
  for (const c of contacts) {
    if (seen.has(c.contactId)) continue;
    seen.add(c.contactId);
    rows.push({ contactId: c.contactId, name: c.name, number: null, channel: null, handle: c.handles[0]?.value ?? null });
  }
  return rows;
}
