import createClient from "openapi-fetch";
import type { Problem } from "./types";
import type { paths } from "./schema";

/**
 * The hub's API, typed from its OpenAPI document (issue 14 item 1): paths, parameters and answers come from schema.d.ts,
 * so a route or shape the hub no longer has fails the typecheck. Same-origin cookies, like every call of the workspace;
 * fetch is looked up per call, so tests that stub it are obeyed.
 */
export const hub = createClient<paths>({ credentials: "same-origin", fetch: (request: Request) => globalThis.fetch(request) });

/** A refused or failed request, with the hub's problem details (title, detail, stable code where sent). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

/** The answer's body, or an ApiError with the hub's problem details. */
export async function answer<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) throw new ApiError(response.status, typeof error === "object" && error !== null ? (error as Problem) : {});
  return data as T;
}
