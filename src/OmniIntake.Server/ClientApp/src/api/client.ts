import type {
  BoardCase,
  BoardView,
  CannedReply,
  CannedReplyInput,
  CaseDetail,
  CaseSearchPage,
  CaseSummary,
  Category,
  CategoryDepartment,
  ContactHit,
  CustomerProfile,
  Department,
  DialogLine,
  Escalation,
  EventPage,
  GeneratedReport,
  Macro,
  MacroInput,
  MacroPreview,
  MacroRun,
  Me,
  PolicyPreview,
  Problem,
  QueuePage,
  RegisterCaseInput,
  RegisteredCase,
  ReportSchedule,
  TeamLoad,
  Withdrawal,
} from "./types";
import type { RecordedAttachment } from "@/pages/attach/files";
import type { TrendPoint, TrendQuery } from "@/pages/board/trends";

// Issue 14 item 1: ApiError lives beside the typed client (hub.ts); re-exported so every import of it still works.
import { answer, ApiError, hub } from "./hub";
export { ApiError };

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
  // The reads below go through the client typed from the OpenAPI document (hub.ts); the rest follow as their tests allow.
  me: () => answer(hub.GET("/api/auth/me")) as Promise<Me>,
  login: (username: string, password: string) => post<Me>("/api/auth/login", { username, password }),
  logout: () => post("/api/auth/logout"),
  cases: (query: Record<string, string | number | boolean> = {}) =>
    call<CaseSummary[]>(`/api/cases?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`),
  case: (key: string | number) => answer(hub.GET("/api/cases/{key}", { params: { path: { key: String(key) } } })) as Promise<CaseDetail>,
  dialog: (id: number) => answer(hub.GET("/api/cases/{id}/dialog", { params: { path: { id } } })) as Promise<DialogLine[]>,
  reply: (id: number, text: string) => post(`/api/cases/${id}/reply`, { text }),
  note: (id: number, text: string) => post(`/api/cases/${id}/notes`, { text }),
  resolve: (id: number, note: string) => post(`/api/cases/${id}/resolve`, { note }),
  pause: (id: number, waitingFor: "customer" | "expertise", reason: string) => post(`/api/cases/${id}/pause`, { waitingFor, reason }),
  resume: (id: number, reason?: string) => post(`/api/cases/${id}/resume`, { reason: reason ?? null }),
  forward: (id: number, departmentId: number, note?: string) => post(`/api/cases/${id}/forward`, { departmentId, note }),
  claim: (id: number) => post(`/api/cases/${id}/claim`),
  events: (after: number, limit = 1): Promise<EventPage> => answer(hub.GET("/api/events", { params: { query: { after, limit } } })),
  departments: (): Promise<Department[]> => answer(hub.GET("/api/departments")),
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
  ownerCases: (): Promise<CaseSummary[]> => answer(hub.GET("/api/owner/cases", { params: { query: { limit: 500 } } })),
  ownerCase: (key: string | number) => answer(hub.GET("/api/owner/cases/{key}", { params: { path: { key: String(key) } } })) as Promise<CaseDetail>,
  ownerDialog: (id: number) => answer(hub.GET("/api/owner/cases/{id}/dialog", { params: { path: { id } } })) as Promise<DialogLine[]>,
  answer: (id: number, text: string) => post(`/api/cases/${id}/answer`, { text }),
  sendBack: (id: number, text: string) => post(`/api/cases/${id}/send-back`, { text }),
  askHelp: (id: number, text: string) => post(`/api/cases/${id}/help`, { text }),
  assign: (id: number, userId: number | null, note?: string) => post(`/api/cases/${id}/assign`, { userId, note }),
  agentLoad: (): Promise<TeamLoad> => answer(hub.GET("/api/agents/load")),
  availability: () => call<{ away: boolean }>("/api/agents/me/availability"),
  setAway: (away: boolean) => call<{ away: boolean }>("/api/agents/me/availability", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ away }) }),
  replyWithFiles: (id: number, text: string, attachments: string[]) => post(`/api/cases/${id}/reply`, { text, attachments }),
  uploadCaseFile: (id: number, file: File) => {
    const body = new FormData();
    body.append("file", file, file.name);
    return call<RecordedAttachment>(`/api/cases/${id}/files`, { method: "POST", body });
  },
  withdrawals: (id: number) => call<Withdrawal[]>(`/api/cases/${id}/withdrawals`),
  escalations: (id: number) => call<Escalation[]>(`/api/cases/${id}/escalations`),
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
  /** Issue 14 item 6: the queue a page at a time, in deadline order; <after> is the previous page's next cursor. */
  queuePage: (after: string | null, limit = 200): Promise<QueuePage> =>
    answer(hub.GET("/api/cases/queue", { params: { query: after === null ? { limit } : { after, limit } } })),
  renderCannedReply: (id: number, caseId: number) => call<{ text: string; missing: string[] }>(`/api/canned-replies/${id}/render?caseId=${caseId}`),
  board: () => call<BoardView>("/api/board"),
  /** The board's trends: the last <count> days, weeks or months up to <to>, the flow of one channel and department if given. */
  trends: ({ by, count, to, channel, department }: TrendQuery): Promise<TrendPoint[]> =>
    // TODO(openapi): the query's to, channel and department are typed after regeneration
    answer(hub.GET("/api/board/trends", { params: { query: { by, count, to, ...(channel ? { channel } : {}), ...(department ? { department } : {}) } as { by: string; count: number } } })) as Promise<TrendPoint[]>,
  boardCases: (query: Record<string, string>) => call<BoardCase[]>(`/api/board/cases?${new URLSearchParams(query)}`),
  generatedReports: () => call<GeneratedReport[]>("/api/reports/generated"),
  reportSchedule: () => call<ReportSchedule>("/api/reports/schedule"),
  /** A report file (CSV or XLSX) for any period, made on demand; refused with a problem code for an invalid period. */
  reportFile: async (from: string, to: string, format: "csv" | "xlsx") => {
    const response = await fetch(`/api/reports?${new URLSearchParams({ from, to, format })}`, { credentials: "same-origin" });
    if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({}))) as Problem);
    return response.blob();
  },
  macros: () => call<Macro[]>("/api/macros"),
  createMacro: (input: MacroInput) => post<Macro>("/api/macros", input),
  updateMacro: (id: number, input: MacroInput) =>
    call<Macro>(`/api/macros/${id}`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(input) }),
  deleteMacro: (id: number) => call<undefined>(`/api/macros/${id}`, { method: "DELETE" }),
  previewMacro: (caseId: number, id: number) => call<MacroPreview>(`/api/cases/${caseId}/macros/${id}/preview`),
  applyMacro: (caseId: number, id: number) => post<MacroRun>(`/api/cases/${caseId}/macros/${id}/apply`),
  findContacts: (q: string) => call<ContactHit[]>(`/api/contacts?${new URLSearchParams({ q })}`),
};
