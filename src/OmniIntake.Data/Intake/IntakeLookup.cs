using System.Data.Common;
using Dapper;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Intake;

namespace OmniIntake.Data.Intake;

/// <summary>A case that a threading rule names for an inbound message.</summary>
internal sealed class CandidateCase
{
    public long Id { get; init; }
    public string Number { get; init; } = "";
    public string Status { get; init; } = "";

    /// <summary>The status as the aggregate reads it (null for a name it does not know, which no rule threads onto).</summary>
    public CaseStatus? CaseStatus => CaseLifecycle.TryParse(Status, out var status) ? status : null;
    public long ContactId { get; init; }

    /// <summary>The sender is one of the case's other complainants (a collective complaint, or a merged duplicate's).</summary>
    public bool SenderIsParty { get; init; }

    public string Rule { get; init; } = "";
}

/// <summary>Everything the pipeline must read before it writes, fetched in ONE round trip.</summary>
internal sealed class IntakeLookup
{
    public IntakeResult? Duplicate { get; init; }
    public long? ContactId { get; init; }
    public bool ContactHasName { get; init; }

    /// <summary>The name the contact gave before: a returning customer's new case carries it (issue 15 item 2).</summary>
    public string? ContactName { get; init; }
    public bool CategoryKnown { get; init; }
    public required IReadOnlyList<CandidateCase> Candidates { get; init; }

    public static async Task<IntakeLookup> LoadAsync(Database database, DbConnection connection, DbTransaction transaction,
        InboundMessage message, DateTimeOffset since, CancellationToken ct)
    {
        const string Columns = """
            SELECT id, number, status, contact_id,
                   EXISTS (SELECT 1 FROM case_parties cp WHERE cp.case_id = cases.id
                             AND cp.contact_id = (SELECT contact_id FROM contact_handles WHERE kind = @kind AND value = @value)) AS sender_is_party
            """;
        // A number or a reply that names a merged duplicate means the case that answers for it.
        const string Survivor = "SELECT COALESCE(mc.merged_into_id, mc.id) FROM cases mc WHERE";
        var quoted = CaseNumber.FindIn(message.Subject).Concat(CaseNumber.FindIn(message.Text)).Select(n => n.ToString()).Distinct().ToList();
        var replies = message.Thread.Replies.Take(50).ToList();
        var phoneRule = message.Sender.Kind == ContactHandleKind.Phone && !message.Channel.IsManual();
        // Only the rules that can apply to this message are asked (an SMS has no quoted number or References, mostly),
        // so the statement stays cheap; each combination is a statement of its own that Npgsql prepares once.
        var parts = new List<string>();
        if (quoted.Count > 0)
            parts.Add($"SELECT * FROM ({Columns}, 'quoted' AS rule FROM cases WHERE id IN ({Survivor} {database.In("mc.number", "@quoted")})) q");
        if (replies.Count > 0)
            parts.Add($"""
                SELECT * FROM ({Columns}, 'reply' AS rule FROM cases
                               WHERE id IN ({Survivor} mc.id IN (SELECT case_id FROM messages WHERE {database.In("email_message_id", "@replies")}))
                               ORDER BY id DESC LIMIT 10) r
                """);
        if (message.Thread.SessionKey is not null)
            parts.Add($"""
                SELECT * FROM ({Columns}, 'session' AS rule FROM cases
                               WHERE session_key = @session AND last_inbound_at >= @since ORDER BY id DESC LIMIT 5) s
                """);
        // The contact's open case within the window, else its latest closed one there: a text after closure opens a new
        // case linked to it (issue 16 item 3), as a reply to a closed case's e-mail does.
        // Issue 17 item 3: the contact's own cases and the ones it is a party to are two index look-ups joined by UNION;
        // written as one OR, PostgreSQL walked cases_contact_recent by time alone (every recent case, ~2 s at a million).
        if (phoneRule)
            parts.Add($"""
                SELECT * FROM ({Columns}, 'phone' AS rule FROM cases
                               WHERE id IN (SELECT o.id FROM cases o
                                            WHERE o.contact_id = (SELECT contact_id FROM contact_handles WHERE kind = @kind AND value = @value)
                                              AND o.last_inbound_at >= @since
                                            UNION
                                            SELECT cp.case_id FROM case_parties cp
                                            WHERE cp.contact_id = (SELECT contact_id FROM contact_handles WHERE kind = @kind AND value = @value))
                                 AND last_inbound_at >= @since
                               ORDER BY CASE WHEN {database.In("status", "@open")} THEN 0 ELSE 1 END, last_inbound_at DESC LIMIT 1) p
                """);
        if (parts.Count == 0) parts.Add($"{Columns}, '' AS rule FROM cases WHERE 1 = 0");
        var sql = $"""
            SELECT m.id AS MessageId, m.case_id AS CaseId, c.number AS Number,
                   (SELECT MIN(f.id) FROM messages f WHERE f.case_id = m.case_id AND f.direction = 'inbound') AS FirstMessageId
            FROM messages m JOIN cases c ON c.id = m.case_id
            WHERE m.channel = @channel AND m.external_id = @externalId AND m.direction = 'inbound';
            SELECT h.contact_id AS ContactId, p.name AS Name FROM contact_handles h JOIN contacts p ON p.id = h.contact_id
            WHERE h.kind = @kind AND h.value = @value;
            SELECT code FROM categories WHERE code = @category;
            {string.Join("\nUNION ALL\n", parts)};
            """;
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new
        {
            channel = message.Channel.ToName(), externalId = message.ExternalId, kind = message.Sender.KindName, value = message.Sender.Value,
            category = message.Fields?.Category?.Trim(), quoted, replies, session = message.Thread.SessionKey, since,
            open = CaseLifecycle.OpenNames,
        }, transaction, cancellationToken: ct));
        var duplicate = (await results.ReadAsync<DuplicateRow>()).FirstOrDefault();
        var contact = (await results.ReadAsync<ContactRow>()).FirstOrDefault();
        var category = (await results.ReadAsync<string>()).FirstOrDefault();
        var candidates = (await results.ReadAsync<CandidateCase>()).AsList();
        return new IntakeLookup
        {
            Duplicate = duplicate is null
                ? null
                : new IntakeResult(duplicate.CaseId, duplicate.Number, duplicate.MessageId, IntakeOutcome.Duplicate)
                {
                    Taken = duplicate.FirstMessageId == duplicate.MessageId ? IntakeOutcome.NewCase : IntakeOutcome.Threaded,
                },
            ContactId = contact?.ContactId,
            ContactHasName = contact?.Name is not null,
            ContactName = contact?.Name,
            CategoryKnown = category is not null,
            Candidates = candidates,
        };
    }

    private sealed class DuplicateRow
    {
        public long MessageId { get; init; }
        public long CaseId { get; init; }
        public string Number { get; init; } = "";
        public long FirstMessageId { get; init; }
    }

    private sealed class ContactRow
    {
        public long ContactId { get; init; }
        public string? Name { get; init; }
    }
}
