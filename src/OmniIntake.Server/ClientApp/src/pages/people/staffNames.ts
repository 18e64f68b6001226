import { reactive } from "vue";

// Staff are named by their display names everywhere in the workspace (issue 14), not by usernames. The names are read
// once per page load (GET /api/staff/names) and shared; until they arrive, or for an account the hub no longer knows,
// the username shows.
const names = reactive(new Map<string, string>());
let loading: Promise<void> | null = null;

async function load(): Promise<void> {
  try {
    const response = await fetch("/api/staff/names", { credentials: "same-origin" });
    if (!response.ok) return;
    for (const n of (await response.json()) as { username: string; displayName: string }[]) names.set(n.username, n.displayName);
  } catch {
    loading = null; // a network failure: the next use asks again
  }
}

/** The display name of a member of staff (a username as stored on messages and in the audit trail). */
export function staffName(username: string): string {
  loading ??= load();
  return names.get(username) ?? username;
}

/** For tests: names as the hub would send them. */
export function setStaffNames(entries: Record<string, string>): void {
  loading = Promise.resolve();
  names.clear();
  for (const [username, name] of Object.entries(entries)) names.set(username, name);
}
