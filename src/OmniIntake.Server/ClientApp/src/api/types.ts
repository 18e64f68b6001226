// The hub's JSON shapes (camelCase), as CaseApi, OwnerApi, AccountsApi and WorkspaceApi send them.

export type Role = "agent" | "owner" | "supervisor" | "admin";

export interface Me {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: number | null;
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

export interface CaseFields {
  complainantName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  occurredAt: string | null;
  location: string | null;
  customerRequest: string | null;
}

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

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  detail: string;
}

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
export interface CasePause {
  waitingFor: "customer" | "expertise";
  reason: string;
  pausedBy: string;
  pausedAt: string;
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
export interface DialogLine {
  id: number;
  speaker: "customer" | "bot";
  text: string;
  createdAt: string;
}

export interface CaseEvent {
  position: number;
  kind: string;
  caseId: number;
  caseNumber: string;
  occurredAt: string;
  data: string;
}

export interface CatchUpPage {
  events: CaseEvent[];
  hasMore: boolean;
}

export interface EventPage extends CatchUpPage {
  lastPosition: number;
  head: number;
}

export interface Department {
  id: number;
  code: string;
  name: string;
}

/** A configured category, named in both languages (Core/Cases/Category). */
export interface Category {
  code: string;
  nameZh: string;
  nameEn: string;
}

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
export interface CategoryDepartment {
  category: string;
  departmentId: number;
}

/** What the policy gives a complaint received at a moment (GET /api/policy/preview); times in the organisation's zone. */
export interface PolicyPreview {
  channel: string;
  receivedAt: string;
  workingTime: boolean;
  deadlines: { kind: string; dueAt: string; rule: string; ruleCode?: RuleCode; assumption: string | null }[];
}

/** An agent's load (GET /api/agents/load, issue 15 item 5). */
export interface AgentLoad {
  id: number;
  username: string;
  displayName: string;
  openCases: number;
  online: boolean;
  away: boolean;
  oldestDueAt: string | null;
}

export interface TeamLoad {
  capacity: number;
  automatic: boolean;
  agents: AgentLoad[];
}

/** Someone who has a case open (AgentHub.ViewCase, issue 15 item 6). */
export interface CaseViewer {
  username: string;
  displayName: string;
}

/** A customer's request to withdraw (issue 16 item 5), kept with the case. */
export interface Withdrawal {
  id: number;
  caseId: number;
  reason: string;
  requestedAt: string;
  messageId: number | null;
}

/** A case found by GET /api/cases/search (issue 15 item 1), with what matched and how well. */
export interface CaseSearchHit extends CaseRow {
  receivedAt: string;
  lastInboundAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  mergedIntoId: number | null;
  claimedBy: string | null;
  score: number;
  matchedOn: string[];
}

export interface CaseSearchPage {
  items: CaseSearchHit[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

/** The customer as one person (GET /api/cases/{id}/customer, /api/contacts/{id}; issue 15 item 2). */
export interface CustomerProfile {
  contactId: number;
  name: string | null;
  contacts: { id: number; name: string | null; createdAt: string }[];
  handles: { kind: string; value: string; contactId: number }[];
  links: ContactLink[];
  cases: CustomerCase[];
  repeatComplainant: boolean;
  openCases: number;
  moreCases: boolean;
}

export interface ContactLink {
  id: number;
  contactId: number;
  otherContactId: number;
  reason: string;
  linkedBy: string;
  linkedAt: string;
  unlinkedBy: string | null;
  unlinkedAt: string | null;
}

export interface CustomerCase {
  id: number;
  number: string;
  channel: string;
  status: string;
  class: string;
  category: string | null;
  subject: string | null;
  contactId: number;
  receivedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  mergedIntoId: number | null;
  satisfaction: number | null;
  solved: boolean | null;
  repeat: boolean;
  current: boolean;
}

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

export interface RegisteredCase {
  caseId: number;
  number: string;
  /** newcase, threaded (onto an open case of the caller) or duplicate (the same form sent again: nothing written). */
  outcome: string;
  forwardDueAt: string | null;
}

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
