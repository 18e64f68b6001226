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

/** A query of free keys (filters) as the hub reads them: every value a string. */
const asQuery = (query: Record<string, string | number | boolean>) => Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
/** Free-form filters encoded as a form encodes them (a space as +), as the hub's links and the workspace always have. */
const formEncoded = (query: Record<string, unknown>) => new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();

/**
 * One typed function per endpoint the workspace uses. Reads and commands alike go through the client typed from the
 * hub's OpenAPI document (hub.ts): a path, parameter or body the hub no longer takes fails the typecheck; a refusal
 * is an ApiError carrying the problem's stable code, which the problem-code catalog says in the user's language.
 */
export const api = {
  me: () => answer(hub.GET("/api/auth/me")) as Promise<Me>,
  login: (username: string, password: string) => answer(hub.POST("/api/auth/login", { body: { username, password } })) as Promise<Me>,
  logout: () => answer(hub.POST("/api/auth/logout")).then(() => undefined),
  cases: (query: Record<string, string | number | boolean> = {}) =>
    answer(hub.GET("/api/cases", { params: { query: asQuery(query) }, querySerializer: formEncoded })) as Promise<CaseSummary[]>,
  case: (key: string | number) => answer(hub.GET("/api/cases/{key}", { params: { path: { key: String(key) } } })) as Promise<CaseDetail>,
  dialog: (id: number) => answer(hub.GET("/api/cases/{id}/dialog", { params: { path: { id } } })) as Promise<DialogLine[]>,
  reply: (id: number, text: string) => answer(hub.POST("/api/cases/{id}/reply", { params: { path: { id } }, body: { text } })).then(() => undefined),
  note: (id: number, text: string) => answer(hub.POST("/api/cases/{id}/notes", { params: { path: { id } }, body: { text } })).then(() => undefined),
  resolve: (id: number, note: string) => answer(hub.POST("/api/cases/{id}/resolve", { params: { path: { id } }, body: { note } })).then(() => undefined),
  withdraw: (id: number, reason: string) => answer(hub.POST("/api/cases/{id}/withdraw", { params: { path: { id } }, body: { reason } })).then(() => undefined),
  pause: (id: number, waitingFor: "customer" | "expertise", reason: string) =>
    answer(hub.POST("/api/cases/{id}/pause", { params: { path: { id } }, body: { waitingFor, reason } })).then(() => undefined),
  resume: (id: number, reason?: string) =>
    answer(hub.POST("/api/cases/{id}/resume", { params: { path: { id } }, body: { reason: reason ?? null } })).then(() => undefined),
  forward: (id: number, departmentId: number, note?: string) =>
    answer(hub.POST("/api/cases/{id}/forward", { params: { path: { id } }, body: { departmentId, note } })).then(() => undefined),
  claim: (id: number) => answer(hub.POST("/api/cases/{id}/claim", { params: { path: { id } } })).then(() => undefined),
  events: (after: number, limit = 1): Promise<EventPage> => answer(hub.GET("/api/events", { params: { query: { after, limit } } })),
  departments: (): Promise<Department[]> => answer(hub.GET("/api/departments")),
  categories: () => answer(hub.GET("/api/categories")) as Promise<Category[]>,
  settings: (): Promise<{ timeZone: string }> => answer(hub.GET("/api/workspace/settings")),
  categoryDepartments: () => answer(hub.GET("/api/category-departments")) as Promise<CategoryDepartment[]>,
  setCategoryDepartment: (category: string, departmentId: number | null) =>
    answer(hub.PUT("/api/category-departments/{category}", { params: { path: { category } }, body: { departmentId } })).then(() => undefined),
  createDepartment: (code: string, name: string) => answer(hub.POST("/api/departments", { body: { code, name } })) as Promise<Department>,
  policyPreview: (channel: string, receivedAt: string) =>
    answer(hub.GET("/api/policy/preview", { params: { query: { channel, receivedAt } } })) as Promise<PolicyPreview>,
  ownerCases: (): Promise<CaseSummary[]> => answer(hub.GET("/api/owner/cases", { params: { query: { limit: 500 } } })),
  ownerCase: (key: string | number) => answer(hub.GET("/api/owner/cases/{key}", { params: { path: { key: String(key) } } })) as Promise<CaseDetail>,
  ownerDialog: (id: number) => answer(hub.GET("/api/owner/cases/{id}/dialog", { params: { path: { id } } })) as Promise<DialogLine[]>,
  answer: (id: number, text: string) => answer(hub.POST("/api/cases/{id}/answer", { params: { path: { id } }, body: { text } })).then(() => undefined),
  sendBack: (id: number, text: string) => answer(hub.POST("/api/cases/{id}/send-back", { params: { path: { id } }, body: { text } })).then(() => undefined),
  askHelp: (id: number, text: string) => answer(hub.POST("/api/cases/{id}/help", { params: { path: { id } }, body: { text } })).then(() => undefined),
  assign: (id: number, userId: number | null, note?: string) =>
    answer(hub.POST("/api/cases/{id}/assign", { params: { path: { id } }, body: { userId, note } })).then(() => undefined),
  agentLoad: (): Promise<TeamLoad> => answer(hub.GET("/api/agents/load")),
  availability: (): Promise<{ away: boolean }> => answer(hub.GET("/api/agents/me/availability")),
  setAway: (away: boolean): Promise<{ away: boolean }> => answer(hub.PUT("/api/agents/me/availability", { body: { away } })),
  replyWithFiles: (id: number, text: string, attachments: string[]) =>
    answer(hub.POST("/api/cases/{id}/reply", { params: { path: { id } }, body: { text, attachments } })).then(() => undefined),
  uploadCaseFile: (id: number, file: File) => {
    const body = new FormData();
    body.append("file", file, file.name);
    // The form goes as it is (multipart, its boundary set by the browser), not as JSON.
    return answer(hub.POST("/api/cases/{id}/files", { params: { path: { id } }, body: body as never, bodySerializer: () => body })) as Promise<RecordedAttachment>;
  },
  withdrawals: (id: number) => answer(hub.GET("/api/cases/{id}/withdrawals", { params: { path: { id } } })) as Promise<Withdrawal[]>,
  escalations: (id: number) => answer(hub.GET("/api/cases/{id}/escalations", { params: { path: { id } } })) as Promise<Escalation[]>,
  search: (query: Record<string, string | number | boolean>) =>
    answer(hub.GET("/api/cases/search", { params: { query: asQuery(query) }, querySerializer: formEncoded })) as Promise<CaseSearchPage>,
  customer: (caseId: number) => answer(hub.GET("/api/cases/{id}/customer", { params: { path: { id: caseId } } })) as Promise<CustomerProfile>,
  contact: (contactId: number) => answer(hub.GET("/api/contacts/{id}", { params: { path: { id: contactId } } })) as Promise<CustomerProfile>,
  linkContacts: (contactId: number, otherContactId: number, reason: string): Promise<{ linkId: number }> =>
    answer(hub.POST("/api/contacts/{id}/links", { params: { path: { id: contactId } }, body: { otherContactId, reason } })),
  unlinkContacts: (linkId: number) => answer(hub.DELETE("/api/contacts/links/{linkId}", { params: { path: { linkId } } })).then(() => undefined),
  /** The key is made once per form (issue 15 item 3): a double click or a retry registers the case once. */
  register: (input: RegisterCaseInput, idempotencyKey: string) =>
    answer(hub.POST("/api/cases", { body: input as never, headers: { "Idempotency-Key": idempotencyKey } })) as Promise<RegisteredCase>,
  cannedReplies: () => answer(hub.GET("/api/canned-replies")) as Promise<CannedReply[]>,
  createCannedReply: (input: CannedReplyInput) => answer(hub.POST("/api/canned-replies", { body: input })) as Promise<CannedReply>,
  updateCannedReply: (id: number, input: CannedReplyInput) =>
    answer(hub.PUT("/api/canned-replies/{id}", { params: { path: { id } }, body: input })) as Promise<CannedReply>,
  deleteCannedReply: (id: number) => answer(hub.DELETE("/api/canned-replies/{id}", { params: { path: { id } } })).then(() => undefined),
  /** Issue 14 item 6: the queue a page at a time, in deadline order; <after> is the previous page's next cursor. */
  queuePage: (after: string | null, limit = 200): Promise<QueuePage> =>
    answer(hub.GET("/api/cases/queue", { params: { query: after === null ? { limit } : { after, limit } } })),
  renderCannedReply: (id: number, caseId: number): Promise<{ text: string; missing: string[] }> =>
    answer(hub.GET("/api/canned-replies/{id}/render", { params: { path: { id }, query: { caseId } } })),
  board: () => answer(hub.GET("/api/board")) as Promise<BoardView>,
  /** The board's trends: the last <count> days, weeks or months up to <to>, the flow of one channel and department if given. */
  trends: ({ by, count, to, channel, department }: TrendQuery): Promise<TrendPoint[]> =>
    answer(hub.GET("/api/board/trends", { params: { query: { by, count, to, ...(channel ? { channel } : {}), ...(department ? { department } : {}) } } })) as Promise<TrendPoint[]>,
  boardCases: (query: Record<string, string>) => answer(hub.GET("/api/board/cases", { params: { query } })) as Promise<BoardCase[]>,
  generatedReports: () => answer(hub.GET("/api/reports/generated")) as Promise<GeneratedReport[]>,
  reportSchedule: () => answer(hub.GET("/api/reports/schedule")) as Promise<ReportSchedule>,
  /** A report file (CSV or XLSX) for any period, made on demand; refused with a problem code for an invalid period. */
  reportFile: (from: string, to: string, format: "csv" | "xlsx") =>
    answer(hub.GET("/api/reports", { params: { query: { from, to, format } }, parseAs: "blob" })) as Promise<Blob>,
  macros: () => answer(hub.GET("/api/macros")) as Promise<Macro[]>,
  createMacro: (input: MacroInput) => answer(hub.POST("/api/macros", { body: input })) as Promise<Macro>,
  updateMacro: (id: number, input: MacroInput) => answer(hub.PUT("/api/macros/{id}", { params: { path: { id } }, body: input })) as Promise<Macro>,
  deleteMacro: (id: number) => answer(hub.DELETE("/api/macros/{id}", { params: { path: { id } } })).then(() => undefined),
  previewMacro: (caseId: number, id: number) =>
    answer(hub.GET("/api/cases/{caseId}/macros/{id}/preview", { params: { path: { caseId, id } } })) as Promise<MacroPreview>,
  applyMacro: (caseId: number, id: number) =>
    answer(hub.POST("/api/cases/{caseId}/macros/{id}/apply", { params: { path: { caseId, id } } })) as Promise<MacroRun>,
  findContacts: (q: string) => answer(hub.GET("/api/contacts", { params: { query: { q } }, querySerializer: formEncoded })) as Promise<ContactHit[]>,
};
