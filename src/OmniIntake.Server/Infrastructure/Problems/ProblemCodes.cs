namespace OmniIntake.Server.Infrastructure.Problems;

/// <summary>
/// Every problem code the hub sends. The same list is kept in ClientApp/src/i18n/problem-codes.json; a server test checks the
/// two are equal and a workspace test that each code has a zh-CN and an en message (areas/problems.ts).
/// </summary>
public static class ProblemCodes
{
    public static IReadOnlyList<string> All { get; } =
    [
        // Answers written by the framework or middleware, by status (ApiProblem.ForStatus).
        "http.bad-request", "http.unauthorized", "http.forbidden", "http.not-found", "http.method-not-allowed", "http.conflict",
        "http.too-large", "http.unsupported-media-type", "http.too-many-requests", "http.unavailable", "http.server-error",
        "request.charset", "request.unreadable", "request.cross-site", "intake.message-refused", "database.unavailable", "health.not-ready",
        // A case command's refusal (CommandResult), by outcome.
        "command.not-found", "command.conflict", "command.invalid",
        // Cases (Cases/CaseApi, OwnerApi, ClassesApi).
        "case.not-found", "case.takeover-refused", "register.idempotency-key", "register.channel", "register.text-required",
        "register.phone", "register.email", "register.category", "register.invalid", "case.class-invalid",
        "case.class-supervisor-only", "register.case-not-found", "register.case-not-open", "case.merge-target-required", "case.merge-target-not-found", "case.complainant-invalid",
        "query.status-invalid", "query.channel-invalid", "query.class-invalid", "query.limit-invalid", "events.cursor-invalid",
        "owner.no-department", "owner.case-not-found",
        // Follow-ups and the customer's status page.
        "followup.answer-invalid", "followup.link-unknown",
        "status.missing", "status.rate-limited", "status.no-match", "status.code-wrong", "status.code-attempts", "status.code-expired",
        "status.info-length", "status.no-contact", "status.session-over",
        // Contacts (Data/Contacts/CustomerProfiles sends the link codes).
        "cases.not-found", "contacts.not-found", "contacts.link-not-found", "contacts.link-undone", "contacts.already-linked",
        "contacts.link-reason", "contacts.link-self",
        // Search.
        "search.query-length", "search.status", "search.channel", "search.class", "search.date-range", "search.sort", "search.page-size",
        "search.page", "search.no-department",
        // Administration: accounts, set-up, departments, policy, calendar, channels.
        "auth.sign-in-refused", "auth.locked-out", "setup.code-wrong", "setup.over", "account.not-found", "account.department-invalid",
        "account.roles-invalid", "account.username-taken", "account.username-invalid", "account.password-short",
        "department.invalid", "department.code-taken",
        "policy.preset-invalid", "policy.channel-invalid", "policy.received-at-invalid", "calendar.day-invalid", "calendar.name-invalid",
        "calendar.day-not-set", "account.self-disable",
        "outbox.status-invalid", "raw.disposition-invalid", "raw.reprocess-refused", "forum.source-not-found", "forum.source-busy",
        // Supervision and reports.
        "board.count-invalid", "board.bucket-invalid", "report.range-invalid", "report.not-found", "report.format-invalid",
        "board.case-bucket-invalid", "report.range-future",
        "status.withdraw-closed",
        "status.withdraw-reason",
        "department.unknown",
        "category.unknown",
        "canned.unknown-variable",
        "canned.title",
        "canned.text",
        "canned.shortcut-taken",
        "canned.shortcut",
        "canned.shared-supervisors",
        "canned.shared-fixed",
        "canned.not-found",
        "canned.language",
        "canned.case-not-found",
        "chat.unknown",
        "chat.origin",
        "attachment.unknown",
        "attachment.type-not-allowed",
        "attachment.too-large",
        "attachment.missing",
        "attachment.link-expired",
        "attachment.empty",
        "attachment.before-case",
        "assignment.unknown-user",
        "assignment.note-too-long",
        "assignment.not-an-agent",
        "assignment.inactive-user",
        "assignment.held-by-other",
        "assignment.case-not-found",
        "assignment.case-closed",
        "pause.waiting-for-invalid",
        "queue.cursor-invalid",
        "queue.assignee-invalid",
        // Macros (Macros/MacrosApi).
        "macro.name", "macro.actions", "macro.action-kind", "macro.action-twice", "macro.action-order", "macro.action-invalid",
        "macro.reply-unknown", "macro.category-unknown", "macro.department-unknown", "macro.not-found", "macro.step-refused",
        "contacts.query-length",
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string code) => Known.Contains(code);
}
