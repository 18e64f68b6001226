import type zhCN from "./zh-CN";

// The workspace in English: the same keys as zh-CN.ts (the type and a test hold them together).
const en: typeof zhCN = {
  app: { name: "OmniIntake complaint intake", skip: "Skip to main content", loading: "Loading…", language: "Language" },
  nav: { queue: "Queue", owner: "My department's cases", board: "Board", admin: "Administration", policy: "Deadline policy", channels: "Channels", label: "Main navigation" },
  auth: {
    signIn: "Sign in", signOut: "Sign out", username: "Username", password: "Password", signedInAs: "Signed in as {name}",
    refused: "Wrong username or password.", locked: "Too many failed sign-ins; try again later.", failed: "Sign-in failed ({status}).",
    setupHint: "No account yet? The first admin is created on the setup page.", setup: "Setup page",
  },
  roles: { agent: "Agent", owner: "Department complaint owner", supervisor: "Supervisor", admin: "Administrator" },
  refused: {
    title: "You cannot open this page",
    body: "Your role ({roles}) cannot open “{page}”. Ask an administrator if you need it.",
    home: "Back to my workspace",
  },
  live: { connecting: "Connecting…", live: "Live", offline: "Connection lost, reconnecting…" },
  queue: {
    title: "Queue", empty: "No open complaints.", search: "Search number, name, phone", sortDeadline: "Sort by deadline", sortNewest: "Sort by newest",
    count: "no cases | 1 case | {n} cases", unread: "The customer wrote again", answered: "The department answered",
  },
  status: {
    received: "Received", forwarded: "Forwarded", answered: "Answered by department", resolved: "Resolved", closed: "Closed", withdrawn: "Withdrawn", merged: "Merged",
  },
  channel: { email: "E-mail", sms: "SMS", chat: "Web chat", forum: "Forum", phone: "Phone", walkin: "Walk-in", letter: "Letter", api: "Integration" },
  class: { general: "General", important: "Important", hot: "Hot", major: "Major" },
  facts: {
    title: "Complaint", complainant: "Complainant", phone: "Phone", email: "E-mail", chat: "Chat session", occurredAt: "When it happened", location: "Where",
    request: "What they ask for", category: "Category", class: "Class", department: "Department", channel: "Channel", receivedAt: "Received",
    missing: "not given", noDepartment: "not forwarded yet", anonymous: "anonymous",
  },
  conversation: {
    title: "Conversation", customer: "Customer", agent: "Agent", owner: "Department owner", note: "Internal note", ownerHelp: "Department asks for help",
    ownerAnswer: "Department's written answer", bot: "Assistant", dialog: "Guided dialog", empty: "No messages yet.",
    delivery: { queued: "queued", sent: "sent", retrying: "retrying", failed: "failed" },
  },
  deadline: {
    title: "Deadlines", left: "{time} left", overdue: "{time} overdue", met: "met", breached: "breached", cancelled: "cancelled", atRisk: "at risk",
    kind: { forward: "Forwarding", ownerAnswer: "Department's written answer", publicReply: "Public forum reply", majorFirstAnswer: "First answer (major case)" },
    due: "due {at}",
  },
  rule: {
    dayOff: "Policy 5.2.2: received on a day off (weekend or holiday): forward the same day",
    forumWorkingHours: "Policy 5.2.2: forum post in working hours: forward within {window}",
    workingHours: "Policy 5.2.2: received in working hours: forward within {window}",
    offHours: "Policy 5.2.2: received on a working day outside working hours: forward within {window} after work starts ({start})",
    ownerAnswer: "Policy 5.2.5: the department's written answer within {span} after forwarding",
    publicReply: "Policy 5.3.1: a public forum reply within {span} after forwarding",
    customAnswer: "{source}: answer within {span} after forwarding",
    majorFirstAnswer: "Policy 4.1.2: a major case gets a first answer within {window} of receipt",
    fixedForward: "Fixed window: forward within {window} of receipt",
    fixedAnswer: "Fixed window: answer within {window} of forwarding",
    fixedFirstAnswer: "Fixed window: first answer within {window} of receipt",
    unknown: "Deadline rule (the server sent no code for it)",
  },
  duration: {
    minutes: "{n} minute | {n} minutes", hours: "{n} hour | {n} hours", days: "{n} day | {n} days",
    workingHours: "{n} working hour | {n} working hours", workingDays: "{n} working day | {n} working days",
  },
  reply: {
    label: "Reply to the customer", placeholder: "Write a reply; Ctrl+Enter sends", send: "Send", sending: "Sending…", note: "Add internal note",
    draftKept: "Draft saved", sent: "The reply is queued for sending.", noted: "Note added.",
  },
  resolve: {
    action: "Resolve", title: "Resolve the case", label: "Resolution note (required)", confirm: "Resolve", cancel: "Cancel",
    required: "Write what was done to resolve it.", done: "The case is resolved.",
  },
  caseView: { select: "Choose a case from the queue.", notFound: "There is no such case.", loadFailed: "The case could not be loaded: {reason}" },
  error: { generic: "That did not work: {reason}", network: "Network error; check the connection." },
  placeholder: { title: "{page}", body: "This page moves into the new workspace; meanwhile use the current page:", open: "Open the page" },
};
export default en;
