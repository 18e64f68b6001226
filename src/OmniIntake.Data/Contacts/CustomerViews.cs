namespace OmniIntake.Data.Contacts;

/// <summary>
/// A customer as one person (issue 15 item 2): the contacts agents linked, every handle they reach us by, the link
/// history, and every case of theirs across channels, newest first.
/// </summary>
public sealed class CustomerProfile
{
    /// <summary>The contact asked about (the case's complainant for a case's panel).</summary>
    public required long ContactId { get; init; }

    /// <summary>The name to address them by: the asked contact's, else a linked contact's.</summary>
    public string? Name { get; init; }

    public required IReadOnlyList<PersonContact> Contacts { get; init; }
    public required IReadOnlyList<HandleView> Handles { get; init; }
    public required IReadOnlyList<ContactLinkView> Links { get; init; }
    public required IReadOnlyList<CustomerCase> Cases { get; init; }

    /// <summary>Some case of theirs came after an earlier one had been handled ("complained again after handling", PRODUCT.md 5.5 important).</summary>
    public bool RepeatComplainant => Cases.Any(c => c.Repeat);

    public int OpenCases => Cases.Count(c => Core.Cases.CaseLifecycle.TryParse(c.Status, out var s) && Core.Cases.CaseLifecycle.IsOpen(s));

    /// <summary>True when more cases exist than <see cref="CustomerProfiles.MaxCases"/> listed.</summary>
    public bool MoreCases { get; init; }
}

public sealed class PersonContact
{
    public long Id { get; init; }
    public string? Name { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class HandleView
{
    public string Kind { get; init; } = "";
    public string Value { get; init; } = "";
    public long ContactId { get; init; }
}

public sealed class ContactLinkView
{
    public long Id { get; init; }
    public long ContactId { get; init; }
    public long OtherContactId { get; init; }
    public string Reason { get; init; } = "";
    public string LinkedBy { get; init; } = "";
    public DateTimeOffset LinkedAt { get; init; }
    public string? UnlinkedBy { get; init; }
    public DateTimeOffset? UnlinkedAt { get; init; }
}

/// <summary>One case of the person, with its outcome for the panel.</summary>
public sealed class CustomerCase
{
    public long Id { get; init; }
    public string Number { get; init; } = "";
    public string Channel { get; init; } = "";
    public string Status { get; init; } = "";
    public string Class { get; init; } = "";
    public string? Category { get; init; }
    public string? Subject { get; init; }
    public long ContactId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public long? MergedIntoId { get; init; }

    /// <summary>The customer's follow-up answer (回访): satisfaction 1-5 and whether it was solved, when they answered.</summary>
    public int? Satisfaction { get; init; }
    public bool? Solved { get; init; }

    /// <summary>Received after an earlier case of the same person had been resolved or closed.</summary>
    public bool Repeat { get; set; }

    /// <summary>The case the panel is shown beside.</summary>
    public bool Current { get; set; }
}
