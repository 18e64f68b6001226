using OmniIntake.Core.Contacts;

namespace OmniIntake.Data.Contacts;

/// <summary>A contact found by one of its handles, with every handle it has and how many cases it opened.</summary>
public sealed class ContactHit
{
    public long ContactId { get; init; }
    public string? Name { get; init; }
    public long Cases { get; init; }
    public IReadOnlyList<HandleView> Handles { get; set; } = [];
}

/// <summary>
/// Finds contacts by a handle as an agent types it (issue 15: a contact with no cases can be found to link, not only
/// through its cases): a phone in any format and an e-mail are normalised as the intake stores them; anything else is
/// matched as typed (a chat or forum identity).
/// </summary>
public sealed class ContactFinder(Database database)
{
    public const int MinQueryLength = 2;
    public const int MaxQueryLength = 200;

    public async Task<IReadOnlyList<ContactHit>> FindAsync(string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        var typed = query.Trim();
        var values = new HashSet<string>(StringComparer.Ordinal) { typed };
        foreach (var kind in new[] { ContactHandleKind.Phone, ContactHandleKind.Email })
            if (ContactHandle.TryCreate(kind, typed, out var handle, out _)) values.Add(handle.Value);
        await using var connection = await database.OpenAsync(cancellationToken);
        var hits = await connection.ListAsync<ContactHit>(
            $"""
            SELECT c.id AS contactId, c.name, (SELECT COUNT(*) FROM cases k WHERE k.contact_id = c.id) AS cases FROM contacts c
            WHERE c.id IN (SELECT contact_id FROM contact_handles WHERE kind <> 'anonymous' AND {database.In("value", "@values")})
            ORDER BY c.id DESC LIMIT @limit
            """, new { values = values.ToArray(), limit }, null, cancellationToken);
        if (hits.Count == 0) return hits;
        var handles = await connection.ListAsync<HandleView>(
            $"SELECT kind, value, contact_id AS contactId FROM contact_handles WHERE kind <> 'anonymous' AND {database.In("contact_id", "@ids")} ORDER BY kind, value",
            new { ids = hits.Select(h => h.ContactId).ToArray() }, null, cancellationToken);
        foreach (var hit in hits) hit.Handles = handles.Where(h => h.ContactId == hit.ContactId).ToList();
        return hits;
    }
}
