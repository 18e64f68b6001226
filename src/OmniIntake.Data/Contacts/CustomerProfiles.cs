using System.Data.Common;
using OmniIntake.Core.Cases;

namespace OmniIntake.Data.Contacts;

/// <summary>
/// Customers as people (issue 15 item 2): the person a contact belongs to is the contact plus every contact linked to
/// it, transitively, by links agents made and did not undo; their cases (as complainant or co-complainant of a
/// collective complaint) with status and outcome, repeat complaints flagged; linking and unlinking, audited in
/// contact_links.
/// </summary>
public sealed class CustomerProfiles(Database database, TimeProvider clock)
{
    public const int MaxCases = 200;
    public const int MaxReasonLength = 500;

    /// <summary>Every contact of the person (a UNION, so a cycle of links ends).</summary>
    private const string Person = """
        WITH RECURSIVE person(id) AS (
            SELECT @contactId
            UNION
            SELECT CASE WHEN l.contact_id = p.id THEN l.other_contact_id ELSE l.contact_id END
            FROM contact_links l JOIN person p ON l.contact_id = p.id OR l.other_contact_id = p.id
            WHERE l.unlinked_at IS NULL)
        """;

    /// <summary>The panel beside a case: its complainant as a person; null when the case does not exist.</summary>
    public async Task<CustomerProfile?> ForCaseAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var contactId = await connection.OneOrDefaultAsync<long?>("SELECT contact_id FROM cases WHERE id = @caseId", new { caseId }, null, cancellationToken);
        if (contactId is null) return null;
        var profile = await LoadAsync(connection, contactId.Value, cancellationToken);
        foreach (var c in profile!.Cases) c.Current = c.Id == caseId;
        return profile;
    }

    public async Task<CustomerProfile?> ForContactAsync(long contactId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LoadAsync(connection, contactId, cancellationToken);
    }

    /// <summary>Links two contacts as one person. Not found, the same contact, or already one person: a result, not an exception.</summary>
    public async Task<LinkResult> LinkAsync(long contactId, long otherContactId, string reason, string actor, CancellationToken cancellationToken = default)
    {
        if (contactId == otherContactId) return LinkResult.Invalid("contacts.link-self", "A contact cannot be linked to itself.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength)
            return LinkResult.Invalid("contacts.link-reason", $"Say why they are one person (1-{MaxReasonLength} characters): the link is audited.");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await Database.BeginWriteAsync(connection, cancellationToken);
        var found = await connection.OneAsync<long>("SELECT COUNT(*) FROM contacts WHERE id IN (@contactId, @otherContactId)",
            new { contactId, otherContactId }, tx, cancellationToken);
        if (found < 2) return LinkResult.NotFound($"Contact {(await ExistsAsync(connection, tx, contactId, cancellationToken) ? otherContactId : contactId)} does not exist.");
        var already = await connection.OneAsync<long>(Person + " SELECT COUNT(*) FROM person WHERE id = @otherContactId",
            new { contactId, otherContactId }, tx, cancellationToken);
        if (already > 0) return LinkResult.Conflict($"Contacts {contactId} and {otherContactId} are already one person.");
        var id = await connection.OneAsync<long>(
            """
            INSERT INTO contact_links (contact_id, other_contact_id, reason, linked_by, linked_at)
            VALUES (@contactId, @otherContactId, @reason, @actor, @now) RETURNING id
            """, new { contactId, otherContactId, reason = reason.Trim(), actor, now = clock.GetUtcNow() }, tx, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return LinkResult.Linked(id);
    }

    /// <summary>Undoes a link (the row stays, stamped with who undid it and when).</summary>
    public async Task<CommandResult> UnlinkAsync(long linkId, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecAsync(
            "UPDATE contact_links SET unlinked_by = @actor, unlinked_at = @now WHERE id = @linkId AND unlinked_at IS NULL",
            new { linkId, actor, now = clock.GetUtcNow() }, null, cancellationToken);
        if (changed == 1) return CommandResult.Done;
        return await connection.OneAsync<long>("SELECT COUNT(*) FROM contact_links WHERE id = @linkId", new { linkId }, null, cancellationToken) == 0
            ? CommandResult.NotFound($"Link {linkId} does not exist.")
            : CommandResult.Conflict($"Link {linkId} was already undone.");
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction tx, long contactId, CancellationToken ct) =>
        await connection.OneAsync<long>("SELECT COUNT(*) FROM contacts WHERE id = @contactId", new { contactId }, tx, ct) > 0;

    private static async Task<CustomerProfile?> LoadAsync(DbConnection connection, long contactId, CancellationToken ct)
    {
        var p = new { contactId, take = MaxCases + 1 };
        var contacts = await connection.ListAsync<PersonContact>(
            Person + " SELECT c.id, c.name, c.created_at FROM contacts c WHERE c.id IN (SELECT id FROM person) ORDER BY c.id", p, null, ct);
        if (contacts.All(c => c.Id != contactId)) return null;
        var handles = await connection.ListAsync<HandleView>(
            Person + " SELECT kind, value, contact_id FROM contact_handles WHERE contact_id IN (SELECT id FROM person) AND kind <> 'anonymous' ORDER BY kind, value",
            p, null, ct);
        var links = await connection.ListAsync<ContactLinkView>(
            Person + """
             SELECT id, contact_id, other_contact_id, reason, linked_by, linked_at, unlinked_by, unlinked_at FROM contact_links
            WHERE contact_id IN (SELECT id FROM person) OR other_contact_id IN (SELECT id FROM person) ORDER BY id
            """, p, null, ct);
        var cases = (await connection.ListAsync<CustomerCase>(
            Person + """
             SELECT k.id, k.number, k.channel, k.status, k.class, k.category, k.subject, k.contact_id, k.received_at, k.resolved_at, k.closed_at,
                   k.merged_into_id,
                   (SELECT f.satisfaction FROM follow_ups f WHERE f.case_id = k.id AND f.answered_at IS NOT NULL ORDER BY f.id DESC LIMIT 1) AS satisfaction,
                   (SELECT f.solved FROM follow_ups f WHERE f.case_id = k.id AND f.answered_at IS NOT NULL ORDER BY f.id DESC LIMIT 1) AS solved
            FROM cases k
            WHERE k.contact_id IN (SELECT id FROM person)
               OR k.id IN (SELECT cp.case_id FROM case_parties cp WHERE cp.contact_id IN (SELECT id FROM person))
            ORDER BY k.received_at DESC, k.id DESC LIMIT @take
            """, p, null, ct)).ToList();
        var more = cases.Count > MaxCases;
        if (more) cases.RemoveAt(cases.Count - 1);
        // "Complained again after handling" (PRODUCT.md 5.5, important): an earlier case of theirs was already handled.
        foreach (var c in cases)
            c.Repeat = cases.Any(e => e.Id != c.Id && (e.ResolvedAt ?? e.ClosedAt) is { } handled && handled < c.ReceivedAt);
        return new CustomerProfile
        {
            ContactId = contactId,
            Name = contacts.First(c => c.Id == contactId).Name ?? contacts.FirstOrDefault(c => c.Name is not null)?.Name,
            Contacts = contacts, Handles = handles, Links = links, Cases = cases, MoreCases = more,
        };
    }
}

/// <summary>What linking two contacts came to.</summary>
public sealed record LinkResult(long? LinkId, CommandOutcome Outcome, string? Code, string? Error)
{
    public static LinkResult Linked(long id) => new(id, CommandOutcome.Done, null, null);
    public static LinkResult Invalid(string code, string error) => new(null, CommandOutcome.Invalid, code, error);
    public static LinkResult NotFound(string error) => new(null, CommandOutcome.NotFound, "contacts.not-found", error);
    public static LinkResult Conflict(string error) => new(null, CommandOutcome.Conflict, "contacts.already-linked", error);
}
