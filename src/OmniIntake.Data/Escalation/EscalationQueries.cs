using OmniIntake.Core.Assignment;

namespace OmniIntake.Data.Escalation;

/// <summary>One escalation as the case file shows it (issue 13 item 5): the clock, the phase, the rule and what it did.</summary>
public sealed class EscalationView
{
    public long Id { get; init; }
    public long DeadlineId { get; init; }

    /// <summary>forward, ownerAnswer, publicReply, majorFirstAnswer.</summary>
    public string Clock { get; init; } = "";

    /// <summary>atRisk or breach.</summary>
    public string Phase { get; init; } = "";
    public DateTimeOffset At { get; init; }
    public bool Notified { get; init; }

    /// <summary>The rule asked to raise the class (it is raised only from general, and never over a person's choice).</summary>
    public bool RaiseClass { get; init; }

    /// <summary>The supervisor the rule names.</summary>
    public string? AssignTo { get; init; }
    public string? RaisedFrom { get; init; }
    public string? RaisedTo { get; init; }
    public string? AssignedTo { get; init; }

    /// <summary>Why the assignment was refused (EscalationCodes), or null.</summary>
    public string? AssignRefusedCode { get; init; }
}

public sealed class EscalationQueries(Database database)
{
    public async Task<IReadOnlyList<EscalationView>> ForCaseAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<EscalationView>(
            """
            SELECT id, deadline_id, clock, phase, at, notified, raise_class, assign_to, raised_from, raised_to, assigned_to, assign_refused_code
            FROM escalations WHERE case_id = @caseId ORDER BY at, id
            """, new { caseId }, null, cancellationToken);
    }

    /// <summary>A user as an escalation's assignment sees them (null: no such user).</summary>
    public async Task<Assignee?> UserAsync(string username, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.OneOrDefaultAsync<UserRow>("SELECT username, display_name, roles FROM users WHERE username = @username",
            new { username }, null, cancellationToken);
        return row is null ? null : new Assignee(row.Username, row.DisplayName, row.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private sealed class UserRow
    {
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Roles { get; init; } = "";
    }
}
