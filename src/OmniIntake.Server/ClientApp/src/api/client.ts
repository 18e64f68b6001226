import type { CaseDetail, CaseSummary, Category, Department, DialogLine, EventPage, Me, Problem } from "./types";

/** A refused or failed request, with the hub's problem details (title, detail, stable code where sent). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { credentials: "same-origin", ...init });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Problem;
    throw new ApiError(response.status, problem);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

const post = <T = void>(path: string, body?: unknown): Promise<T> =>
  call<T>(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body ?? {}) });

/** One typed function per endpoint the workspace uses; routes and shapes as the hub maps them. */
export const api = {
  me: () => call<Me>("/api/auth/me"),
  login: (username: string, password: string) => post<Me>("/api/auth/login", { username, password }),
  logout: () => post("/api/auth/logout"),
  cases: (query: Record<string, string | number | boolean> = {}) =>
    call<CaseSummary[]>(`/api/cases?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`),
  case: (key: string | number) => call<CaseDetail>(`/api/cases/${encodeURIComponent(String(key))}`),
  dialog: (id: number) => call<DialogLine[]>(`/api/cases/${id}/dialog`),
  reply: (id: number, text: string) => post(`/api/cases/${id}/reply`, { text }),
  note: (id: number, text: string) => post(`/api/cases/${id}/notes`, { text }),
  resolve: (id: number, note: string) => post(`/api/cases/${id}/resolve`, { note }),
  pause: (id: number, waitingFor: "customer" | "expertise", reason: string) => post(`/api/cases/${id}/pause`, { waitingFor, reason }),
  resume: (id: number, reason?: string) => post(`/api/cases/${id}/resume`, { reason: reason ?? null }),
  forward: (id: number, departmentId: number, note?: string) => post(`/api/cases/${id}/forward`, { departmentId, note }),
  claim: (id: number) => post(`/api/cases/${id}/claim`),
  events: (after: number, limit = 1) => call<EventPage>(`/api/events?after=${after}&limit=${limit}`),
  departments: () => call<Department[]>("/api/departments"),
  categories: () => call<Category[]>("/api/categories"),
  settings: () => call<{ timeZone: string }>("/api/workspace/settings"),
};
