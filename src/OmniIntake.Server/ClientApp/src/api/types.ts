// The hub's JSON shapes (camelCase), as CaseApi, OwnerApi, AccountsApi and WorkspaceApi send them. Issue 14 item 1: they
// are the schema's components (schema.d.ts, generated from the hub's OpenAPI document by `npm run api:types`) wherever
// the hand-written shape matched; the interfaces left below say more than the document (code unions such as Role,
// fields the workspace may meet before every hub sends them) and are checked against it in __tests__/schema.spec.ts.
import type { components } from "./schema";

/** The hub's OpenAPI components, by schema name. */
export type Schemas = components["schemas"];

export type Role = "agent" | "owner" | "supervisor" | "admin";

export interface Me extends Omit<Schemas["UserResponse"], "roles"> {
  roles: Role[];
}

/** What every list of cases shows of a case (the queue, search hits). */
export interface CaseRow {
  id: number;
  number: string;
  channel: string;
  status: string;
  class: string;
  category: string | null;
  subject: string | null;
  complainantName: string | null;
  contactId: number;
  departmentId: number | null;
}

export interface CaseSummary extends CaseRow {
  relatedCaseId: number | null;
  receivedAt: string;
  lastInboundAt: string;
  claimedBy: string | null;
  /** The holder's display name (issue 15 item 5). */
  claimedByName?: string | null;
  mergedIntoId: number | null;
  firstForwardedAt: string | null;
  forwardDueAt: string | null;
  forwardWarnAt: string | null;
  forwardState: string | null;
  answerDueAt: string | null;
  /** When the owed answer is at risk (the policy's warn moment); sent by the hub since issue 14's owner view. */
  answerWarnAt?: string | null;
}

export type CaseFields = Schemas["CaseFieldsView"];

export interface Message {
  id: number;
  direction: string;
  channel: string;
  sender: string;
  author: string | null;
  subject: string | null;
  bodyText: string;
  createdAt: string;
  deliveryStatus: string | null;
  deliveryError: string | null;
  notices: string;
  quoteStart: number | null;
  /** JSON array of the message's attachments (pages/attach/files.ts reads it). */
  attachments?: string;
}

export type AuditEntry = Schemas["AuditView"];

/** A deadline's rule as a stable code with its parameters (Core/Policy/DeadlineRuleCodes). */
export interface RuleCode {
  code: string;
  parameters: Record<string, string | number>;
}

export interface Deadline {
  id: number;
  kind: string;
  dueAt: string;
  rule: string;
  ruleCode?: RuleCode;
  state: string;
  closedAt: string | null;
  warnAt: string | null;
  /** State "paused" (issue 13): since when, and the window left in seconds. */
  pausedAt?: string | null;
  remainingSeconds?: number | null;
}

/** A case's pause in force (issue 13): waiting for the customer or for outside expertise. */
export interface CasePause extends Omit<Schemas["CasePauseView"], "waitingFor"> {
  waitingFor: "customer" | "expertise";
}

export interface CaseDetail {
  case: CaseSummary;
  fields: CaseFields;
  messages: Message[];
  audit: AuditEntry[];
  deadlines: Deadline[];
  contactHandles: string[];
  pause?: CasePause | null;
}

/** One line of the guided dialog that registered the case: the bot's question or the customer's answer. */
export interface DialogLine extends Omit<Schemas["DialogLine"], "speaker"> {
  speaker: "customer" | "bot";
}

export type CaseEvent = Schemas["CaseEvent"];

export interface CatchUpPage {
  events: CaseEvent[];
  hasMore: boolean;
}

export type EventPage = Schemas["EventPage"];

export type Department = Schemas["DepartmentView"];

/** A configured category, named in both languages (Core/Cases/Category). */
export type Category = Schemas["Category"];

/** RFC 9457 problem details; `code` where the hub sends a stable one. */
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  code?: string;
  /** The parameters the code's message names (e.g. a field or a limit), where the hub sends some. */
  args?: Record<string, unknown>;
}

/** The department a category's complaints are forwarded to (the admin's mapping, GET /api/category-departments). */
export type CategoryDepartment = Schemas["CategoryDepartment"];

/** What the policy gives a complaint received at a moment (GET /api/policy/preview); times in the organisation's zone. */
export interface PolicyPreview {
  channel: string;
  receivedAt: string;
  workingTime: boolean;
  deadlines: { kind: string; dueAt: string; rule: string; ruleCode?: RuleCode; assumption: string | null }[];
}

/** An agent's load (GET /api/agents/load, issue 15 item 5). */
export type AgentLoad = Schemas["AgentLoadView"];

export type TeamLoad = Schemas["TeamLoad"];

/** Someone who has a case open (AgentHub.ViewCase, issue 15 item 6). */
export interface CaseViewer {
  username: string;
  displayName: string;
}

/** What an escalation rule did on a case when a clock was at risk or breached (GET /api/cases/{id}/escalations, issue 13 item 5). */
export interface Escalation {
  id: number;
  deadlineId: number;
  clock: string;
  phase: "atRisk" | "breach";
  at: string;
  notified: boolean;
  raiseClass: boolean;
  assignTo: string | null;
  raisedFrom: string | null;
  raisedTo: string | null;
  assignedTo: string | null;
  assignRefusedCode: string | null;
}

/** A customer's request to withdraw (issue 16 item 5), kept with the case. */
export type Withdrawal = Schemas["WithdrawalView"];

/** A case found by GET /api/cases/search (issue 15 item 1), with what matched and how well. */
export type CaseSearchHit = Schemas["CaseSearchHit"];

export type CaseSearchPage = Schemas["CaseSearchPage"];

/** The customer as one person (GET /api/cases/{id}/customer, /api/contacts/{id}; issue 15 item 2). */
export type CustomerProfile = Schemas["CustomerProfile"];

export type ContactLink = Schemas["ContactLinkView"];

export type CustomerCase = Schemas["CustomerCase"];

/** POST /api/cases: a complaint taken by phone, at the counter or by letter. */
export interface RegisterCaseInput {
  channel: "phone" | "walkin" | "letter";
  text: string;
  subject?: string | null;
  complainantName?: string | null;
  phone?: string | null;
  email?: string | null;
  occurredAt?: string | null;
  location?: string | null;
  customerRequest?: string | null;
  category?: string | null;
  receivedAt?: string | null;
  /** The number of an open case of this caller: the call is threaded onto it as a message. */
  addToCase?: string | null;
}

export type RegisteredCase = Schemas["RegisteredCase"];

/** A canned reply (issue 15 item 4): shared (managed by supervisors) or personal (its agent's). */
export interface CannedReply {
  id: number;
  shortcut: string;
  title: string;
  language: "zh-CN" | "en";
  text: string;
  shared: boolean;
  owner: string | null;
  updatedAt: string;
}

export interface CannedReplyInput {
  shortcut: string;
  title: string;
  language: "zh-CN" | "en";
  text: string;
  shared: boolean;
}

/** The supervisors' board (GET /api/board): open cases against their forwarding window, by channel, department, agent. */
export interface BoardRow {
  /** A channel, a department code or "(not forwarded)", an agent's username or "(unclaimed)". */
  key: string;
  inWindow: number;
  atRisk: number;
  breached: number;
  open: number;
}

export interface BoardNow {
  at: string;
  inWindow: number;
  atRisk: number;
  breached: number;
  awaitingAnswer: number;
  byChannel: BoardRow[];
  byDepartment: BoardRow[];
  byAgent: BoardRow[];
  oldestWaiting: { id: number; number: string; channel: string; receivedAt: string; dueAt: string; state: string } | null;
}

export interface BoardView {
  board: BoardNow;
  online: string[];
  /** Issue 14: who is online by the names people see (usernames in `online`). */
  onlinePeople?: { username: string; displayName: string }[];
}

export type BoardBucket = "open" | "inWindow" | "atRisk" | "breached" | "awaitingAnswer";

/** One case a bucket of the board counts (GET /api/board/cases). */
export interface BoardCase {
  id: number;
  number: string;
  channel: string;
  status: string;
  class: string;
  category: string | null;
  department: string | null;
  claimedBy: string | null;
  subject: string | null;
  receivedAt: string;
  deadlineKind: string | null;
  dueAt: string | null;
  standing: "inWindow" | "atRisk" | "breached" | null;
}

/** A report generated by itself for its period (GET /api/reports/generated). */
export interface GeneratedReport {
  id: number;
  kind: "half-monthly" | "monthly";
  period: string;
  dueBy: string;
  generatedAt: string;
}

/** The next reports and the organisation's report language (GET /api/reports/schedule). */
export interface ReportSchedule {
  language: string;
  next: { kind: "half-monthly" | "monthly"; period: string; from: string; to: string; generatedOn: string; dueBy: string }[];
}

/** One page of the agent's queue (GET /api/cases/queue): open cases by deadline, the total open now, the next page's cursor. */
export interface QueuePage {
  cases: CaseSummary[];
  total: number;
  next: string | null;
}

/** One action of a macro (issue 15 item 7), the fields its kind uses; `note` is the forwarding note, the pause reason or the resolution note. */
export type MacroActionKind = "reply" | "category" | "class" | "forward" | "pause" | "resolve";
export interface MacroAction {
  kind: MacroActionKind;
  cannedReplyId?: number | null;
  category?: string | null;
  class?: string | null;
  departmentId?: number | null;
  waitingFor?: "customer" | "expertise" | null;
  note?: string | null;
}

/** A shared macro, defined by supervisors, applied by agents from the case view. */
export interface Macro {
  id: number;
  nameZh: string;
  nameEn: string;
  actions: MacroAction[];
  updatedBy: string;
  updatedAt: string;
}

export interface MacroInput {
  nameZh: string;
  nameEn: string;
  actions: MacroAction[];
}

/** What one step will do to the case: the reply already filled in for it. */
export interface MacroStepPreview {
  step: number;
  kind: MacroActionKind;
  text: string | null;
  missing: string[] | null;
  category: string | null;
  class: string | null;
  departmentId: number | null;
  departmentName: string | null;
  waitingFor: "customer" | "expertise" | null;
  note: string | null;
  needsConfirmation: boolean;
}

export interface MacroPreview {
  macroId: number;
  nameZh: string;
  nameEn: string;
  steps: MacroStepPreview[];
}

export interface MacroRun {
  macroId: number;
  caseId: number;
  applied: { step: number; kind: MacroActionKind }[];
}

/** A contact found by a handle (issue 15: found to link even without a case). */
export interface ContactHit {
  contactId: number;
  name: string | null;
  cases: number;
  handles: { kind: string; value: string; contactId: number }[];
}
