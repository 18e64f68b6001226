import createClient from "openapi-fetch";
import type { Problem } from "./types";
import type { paths } from "./schema";

/**
 * The global fetch called as pages and tests have always called it, (path, init): openapi-fetch hands over a Request,
 * whose body is a stream and whose URL is absolute. A same-origin Request becomes its path and an init with the body as
 * text (JSON) or as the form again (multipart; the browser sets its boundary anew); looked up per call, so tests that
 * stub fetch are obeyed.
 */
async function sameOriginFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const target = typeof location !== "undefined" && url.origin === location.origin ? url.pathname + url.search : request.url;
  const headers = new Headers(request.headers);
  let body: string | FormData | undefined;
  if (request.method !== "GET" && request.method !== "HEAD" && request.body !== null) {
    if (headers.get("Content-Type")?.startsWith("multipart/")) {
      body = await request.formData();
      headers.delete("Content-Type");
    } else body = await request.text();
  }
  return globalThis.fetch(target, { method: request.method, headers, body, credentials: request.credentials, signal: request.signal });
}

/**
 * The hub's API, typed from its OpenAPI document (issue 14 item 1): paths, parameters, bodies and answers come from
 * schema.d.ts, so a route or shape the hub no longer has fails the typecheck. Same-origin cookies, like every call of the
 * workspace.
 */
export const hub = createClient<paths>({ credentials: "same-origin", fetch: sameOriginFetch });

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
