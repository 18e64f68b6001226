import { ApiError } from "@/api/client";

/** The message key for a refused assignment: the hub's stable code ("assignment.held-by-other") said in the user's language, else the generic error. */
export function assignmentProblem(e: unknown): { key: string; params: Record<string, string> } {
  const code = e instanceof ApiError ? e.problem.code : undefined;
  if (code?.startsWith("assignment.")) {
    const name = code.slice("assignment.".length).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    return { key: `assign.problem.${name}`, params: {} };
  }
  return { key: "error.generic", params: { reason: (e as Error).message } };
}
