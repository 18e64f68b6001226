// The hub's JSON shapes (camelCase), as CaseApi, OwnerApi, AccountsApi and WorkspaceApi send them.

export type Role = "agent" | "owner" | "supervisor" | "admin";

export interface Me {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: number | null;
}

export interface CaseSummary {
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
  relatedCaseId: number | null;
  receivedAt: string;
  lastInboundAt: string;
  claimedBy: string | null;
  mergedIntoId: number | null;
  firstForwardedAt: string | null;
  forwardDueAt: string | null;
  forwardWarnAt: string | null;
  forwardState: string | null;
  answerDueAt: string | null;
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
}
