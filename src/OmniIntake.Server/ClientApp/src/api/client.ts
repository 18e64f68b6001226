import type { CaseDetail, CaseSummary, Category, CategoryDepartment, Department, DialogLine, EventPage, Me, PolicyPreview, Problem, TeamLoad, Withdrawal } from "./types";
import type { RecordedAttachment } from "@/pages/attach/files";
import type { CannedReply, CannedReplyInput, CaseSearchPage, CustomerProfile, RegisterCaseInput, RegisteredCase } from "./types";
import type { Macro, MacroInput, MacroPreview, MacroRun } from "./types";
import type { ContactHit } from "./types";

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
  categoryDepartments: () => call<CategoryDepartment[]>("/api/category-departments"),
  setCategoryDepartment: (category: string, departmentId: number | null) =>
    call<undefined>(`/api/category-departments/${encodeURIComponent(category)}`, {
      method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ departmentId }),
    }),
  createDepartment: (code: string, name: string) => post<Department>("/api/departments", { code, name }),
  policyPreview: (channel: string, receivedAt: string) =>
    call<PolicyPreview>(`/api/policy/preview?${new URLSearchParams({ channel, receivedAt })}`),
  ownerCases: () => call<CaseSummary[]>("/api/owner/cases?limit=500"),
  ownerCase: (key: string | number) => call<CaseDetail>(`/api/owner/cases/${encodeURIComponent(String(key))}`),
  ownerDialog: (id: number) => call<DialogLine[]>(`/api/owner/cases/${id}/dialog`),
  answer: (id: number, text: string) => post(`/api/cases/${id}/answer`, { text }),
  sendBack: (id: number, text: string) => post(`/api/cases/${id}/send-back`, { text }),
  askHelp: (id: number, text: string) => post(`/api/cases/${id}/help`, { text }),
  assign: (id: number, userId: number | null, note?: string) => post(`/api/cases/${id}/assign`, { userId, note }),
  agentLoad: () => call<TeamLoad>("/api/agents/load"),
  availability: () => call<{ away: boolean }>("/api/agents/me/availability"),
  setAway: (away: boolean) => call<{ away: boolean }>("/api/agents/me/availability", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ away }) }),
  replyWithFiles: (id: number, text: string, attachments: string[]) => post(`/api/cases/${id}/reply`, { text, attachments }),
  uploadCaseFile: (id: number, file: File) => {
    const body = new FormData();
    body.append("file", file, file.name);
    return call<RecordedAttachment>(`/api/cases/${id}/files`, { method: "POST", body });
  },
  withdrawals: (id: number) => call<Withdrawal[]>(`/api/cases/${id}/withdrawals`),
  search: (query: Record<string, string | number | boolean>) =>
    call<CaseSearchPage>(`/api/cases/search?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`),
  customer: (caseId: number) => call<CustomerProfile>(`/api/cases/${caseId}/customer`),
  contact: (contactId: number) => call<CustomerProfile>(`/api/contacts/${contactId}`),
  linkContacts: (contactId: number, otherContactId: number, reason: string) =>
    post<{ linkId: number }>(`/api/contacts/${contactId}/links`, { otherContactId, reason }),
  unlinkContacts: (linkId: number) => call<undefined>(`/api/contacts/links/${linkId}`, { method: "DELETE" }),
  /** The key is made once per form (issue 15 item 3): a double click or a retry registers the case once. */
  register: (input: RegisterCaseInput, idempotencyKey: string) =>
    call<RegisteredCase>("/api/cases", {
      method: "POST", headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey }, body: JSON.stringify(input),
    }),
  cannedReplies: () => call<CannedReply[]>("/api/canned-replies"),
  createCannedReply: (input: CannedReplyInput) => post<CannedReply>("/api/canned-replies", input),
  updateCannedReply: (id: number, input: CannedReplyInput) =>
    call<CannedReply>(`/api/canned-replies/${id}`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(input) }),
  deleteCannedReply: (id: number) => call<undefined>(`/api/canned-replies/${id}`, { method: "DELETE" }),
  renderCannedReply: (id: number, caseId: number) => call<{ text: string; missing: string[] }>(`/api/canned-replies/${id}/render?caseId=${caseId}`),
  macros: () => call<Macro[]>("/api/macros"),
  createMacro: (input: MacroInput) => post<Macro>("/api/macros", input),
  updateMacro: (id: number, input: MacroInput) =>
    call<Macro>(`/api/macros/${id}`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(input) }),
  deleteMacro: (id: number) => call<undefined>(`/api/macros/${id}`, { method: "DELETE" }),
  previewMacro: (caseId: number, id: number) => call<MacroPreview>(`/api/cases/${caseId}/macros/${id}/preview`),
  applyMacro: (caseId: number, id: number) => post<MacroRun>(`/api/cases/${caseId}/macros/${id}/apply`),
  findContacts: (q: string) => call<ContactHit[]>(`/api/contacts?${new URLSearchParams({ q })}`),
};
