namespace OmniIntake.Data.Cases;

public sealed class CaseSummary
{
    public long Id { get; init; }
    public string Number { get; init; } = "";
    public string Channel { get; init; } = "";
    public string Status { get; init; } = "";
    public string Class { get; init; } = "";
    public string? Category { get; init; }
    public string? Subject { get; init; }
    public string? ComplainantName { get; init; }
    public long ContactId { get; init; }
    public long? DepartmentId { get; init; }
    public long? RelatedCaseId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset LastInboundAt { get; init; }

    /// <summary>The agent working the case (claimed), or null.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>The holder's display name (issue 15 item 5: the case shows whom it is assigned to by name).</summary>
    public string? ClaimedByName { get; init; }

    /// <summary>For a merged duplicate: the case that answers for it.</summary>
    public long? MergedIntoId { get; init; }
    public DateTimeOffset? FirstForwardedAt { get; init; }
    public DateTimeOffset? ForwardDueAt { get; init; }
    public DateTimeOffset? ForwardWarnAt { get; init; }
    public string? ForwardState { get; init; }

    /// <summary>When the owner's written answer (or the forum's public reply) is due, while it is owed.</summary>
    public DateTimeOffset? AnswerDueAt { get; init; }

    /// <summary>When that answer is at risk (the policy's share of its window, Core/Policy/AtRisk), while it is owed.</summary>
    public DateTimeOffset? AnswerWarnAt { get; init; }
}

/// <summary>A case and the department it is forwarded to now.</summary>
public sealed class CaseDepartment
{
    public long CaseId { get; init; }
    public long DepartmentId { get; init; }
}

public sealed class CaseDetail
{
    public required CaseSummary Case { get; init; }
    public required CaseFieldsView Fields { get; init; }
    public required IReadOnlyList<MessageView> Messages { get; init; }
    public required IReadOnlyList<AuditView> Audit { get; init; }
    public required IReadOnlyList<DeadlineView> Deadlines { get; init; }
    public required IReadOnlyList<string> ContactHandles { get; init; }

    /// <summary>The pause in force (issue 13: waiting for the customer or for outside expertise), or null.</summary>
    public CasePauseView? Pause { get; init; }
}

/// <summary>A case's pause in force: what it waits for (customer, expertise), why, by whom, since when.</summary>
public sealed class CasePauseView
{
    public string WaitingFor { get; init; } = "";
    public string Reason { get; init; } = "";
    public string PausedBy { get; init; } = "";
    public DateTimeOffset PausedAt { get; init; }
}

public sealed class CaseFieldsView
{
    public string? ComplainantName { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
    public string? OccurredAt { get; init; }
    public string? Location { get; init; }
    public string? CustomerRequest { get; init; }
}

public sealed class MessageView
{
    public long Id { get; init; }
    public string Direction { get; init; } = "";
    public string Channel { get; init; } = "";
    public string? ExternalId { get; init; }
    public string Sender { get; init; } = "";
    public string? Author { get; init; }
    public string? Subject { get; init; }
    public string BodyText { get; init; } = "";
    public string? BodyHtml { get; init; }
    public string Attachments { get; init; } = "[]";

    /// <summary>A JSON array of <see cref="Core.Intake.MessageNotices"/> codes: what was done to keep the message (issue 12).</summary>
    public string Notices { get; init; } = "[]";

    public DateTimeOffset CreatedAt { get; init; }
    public string? DeliveryStatus { get; init; }

    /// <summary>Why the last attempt failed (a retrying or failed reply), shown on the message in the console.</summary>
    public string? DeliveryError { get; init; }

    public int? DeliveryAttempts { get; init; }

    /// <summary>What the provider reported later (SMS: delivered, undelivered...).</summary>
    public string? ProviderStatus { get; init; }

    /// <summary>SMS parts the reply cost.</summary>
    public int? Segments { get; init; }

    /// <summary>Where the quoted history of an inbound reply begins in <see cref="BodyText"/>: the console collapses it.</summary>
    public int? QuoteStart => Direction == "inbound" ? Core.Text.QuotedHistory.Start(BodyText) : null;
}

public sealed class AuditView
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public string Actor { get; init; } = "";
    public string Action { get; init; } = "";
    public string Detail { get; init; } = "";
}

public sealed class DeadlineView
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public DateTimeOffset DueAt { get; init; }
    public string Rule { get; init; } = "";

    /// <summary>The rule as a stable code with parameters, for the UI's catalogs (issue 14), as stored when the clock started (issue 13
    /// item 2); <see cref="Rule"/> stays as it was.</summary>
    public Core.Policy.DeadlineRuleCode RuleCode => Deadlines.StoredRuleCode.Read(StoredCode, StoredParams);

    [System.Text.Json.Serialization.JsonIgnore]
    public string? StoredCode { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string? StoredParams { get; init; }
    public string State { get; init; } = "";
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? WarnAt { get; init; }
    public DateTimeOffset? WarnedAt { get; init; }

    /// <summary>State "paused" (issue 13): since when, and the window left (seconds, in the measure the clock runs on: working time for the answer windows).</summary>
    public DateTimeOffset? PausedAt { get; init; }

    public long? RemainingSeconds { get; init; }
}

/// <summary>Queue filters; all optional, combined with AND.</summary>
public sealed record CaseFilter
{
    public string? Status { get; init; }
    public string? Channel { get; init; }
    public string? Class { get; init; }
    public long? DepartmentId { get; init; }

    /// <summary>Cases this agent claimed ("mine").</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>Only cases with their department now (forwarded or answered; not sent back).</summary>
    public bool WithDepartment { get; init; }

    /// <summary>Cases nobody claimed ("unassigned").</summary>
    public bool Unclaimed { get; init; }

    /// <summary>Received at or after this instant (a drill-down from a chart's bar).</summary>
    public DateTimeOffset? ReceivedFrom { get; init; }

    /// <summary>Received before this instant.</summary>
    public DateTimeOffset? ReceivedBefore { get; init; }

    public bool OpenOnly { get; init; }
    /// <summary>A case number, a phone, an email or words of the text.</summary>
    public string? Search { get; init; }
    /// <summary>Keyset paging: cases older than this id.</summary>
    public long? BeforeId { get; init; }
    public int Limit { get; init; } = 50;
}
