using System.Data.Common;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Events;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Classes;
using OmniIntake.Data.Notifications;

namespace OmniIntake.Data.Cases;

/// <summary>A complainant of a collective complaint besides the one who opened the case.</summary>
public sealed class CaseParty
{
    public long ContactId { get; init; }
    public string? Name { get; init; }
    public string Handles { get; init; } = "";
    public DateTimeOffset AddedAt { get; init; }
    public string AddedBy { get; init; } = "";
}

/// <summary>
/// Collective complaints (policy 5.5): one case with several complainants, each owed the answer on their own channel.
/// Adding complainants raises the class by the group's size: hot from 3, major from 10. The case decides who may join
/// (<see cref="Case.AddComplainant"/>); this loads it and the person, and persists the decision (issue 13 item 1).
/// </summary>
public sealed class CaseParties(Database database, IDeadlinePolicy policy, TimeProvider clock, IEventLogSignal signal, ClassRules rules,
    SupervisorNotificationOptions? notifications = null)
{
    private readonly SupervisorNotificationOptions _notifications = notifications ?? SupervisorNotificationOptions.None;

    /// <summary>Adds the person with these handles (an existing contact when one matches) to the case.</summary>
    /// <returns>The outcome, and the number of complainants the case has now.</returns>
    public async Task<(CommandResult Result, int Complainants)> AddAsync(long caseId, IReadOnlyList<ContactHandle> handles, string? name, string actor,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var c = await database.OpenAsync(cancellationToken);
        await using var tx = await Database.BeginWriteAsync(c, cancellationToken);
        var kase = await CaseStore.LoadAsync(c, tx, database, caseId, cancellationToken);
        if (kase is null) return (CommandResult.NotFound($"Case {caseId} does not exist."), 0);
        // The person is found or made first (rolled back with the transaction when the case refuses them); without a
        // handle there is no person to find, and the case refuses (0 is no contact's id).
        var contactId = handles.Count == 0 ? 0 : await ContactForAsync(c, tx, handles, name, now, cancellationToken);
        var parties = await c.ListAsync<long>("SELECT contact_id FROM case_parties WHERE case_id = @caseId", new { caseId }, tx, cancellationToken);
        var decision = kase.AddComplainant(contactId, name, [.. handles.Select(h => h.ToString())], parties, actor, now);
        if (decision is not { IsDone: true, Change: ComplainantAdded added }) return (decision.Result, 0);
        await CaseStore.SaveAsync(c, tx, database, kase, decision, cancellationToken);
        if (rules.ByCollectiveSize.For(added.Complainants) is { } raise)
            await ClassRaising.RaiseAsync(c, tx, database, policy, _notifications, caseId, raise.To, raise.Reason, now, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        signal.EventsCommitted();
        return (CommandResult.Done, added.Complainants);
    }

    public async Task<IReadOnlyList<CaseParty>> ListAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var parties = await c.ListAsync<CaseParty>(
            "SELECT p.contact_id, k.name, '' AS handles, p.added_at, p.added_by FROM case_parties p JOIN contacts k ON k.id = p.contact_id WHERE p.case_id = @caseId ORDER BY p.added_at",
            new { caseId }, null, cancellationToken);
        var result = new List<CaseParty>();
        foreach (var party in parties)
        {
            var handles = await c.ListAsync<string>("SELECT kind || ':' || value FROM contact_handles WHERE contact_id = @ContactId ORDER BY kind", party, null,
                cancellationToken);
            result.Add(new CaseParty { ContactId = party.ContactId, Name = party.Name, Handles = string.Join(", ", handles), AddedAt = party.AddedAt, AddedBy = party.AddedBy });
        }
        return result;
    }

    /// <summary>The e-mail addresses and phones of the case's other complainants (the case decides where each is answered: <see cref="CoComplainantChannels"/>).</summary>
    internal static async Task<IReadOnlyList<PartyHandle>> HandlesAsync(DbConnection c, DbTransaction tx, long caseId, CancellationToken ct) =>
        await c.ListAsync<PartyHandle>(
            """
            SELECT h.contact_id AS contactid, h.kind, h.value FROM case_parties p JOIN contact_handles h ON h.contact_id = p.contact_id
            WHERE p.case_id = @caseId AND h.kind IN ('email', 'phone') ORDER BY h.contact_id, h.kind
            """, new { caseId }, tx, ct);

    private static async Task<long> ContactForAsync(DbConnection c, DbTransaction tx, IReadOnlyList<ContactHandle> handles, string? name, DateTimeOffset now,
        CancellationToken ct)
    {
        foreach (var handle in handles)
        {
            if (await c.OneOrDefaultAsync<long?>("SELECT contact_id FROM contact_handles WHERE kind = @kind AND value = @Value",
                    new { kind = handle.KindName, handle.Value }, tx, ct) is { } existing)
                return existing;
        }
        var contactId = await c.OneAsync<long>("INSERT INTO contacts (name, created_at) VALUES (@name, @now) RETURNING id", new { name, now }, tx, ct);
        foreach (var handle in handles)
            await c.ExecAsync("INSERT INTO contact_handles (kind, value, contact_id) VALUES (@kind, @Value, @contactId) ON CONFLICT (kind, value) DO NOTHING",
                new { kind = handle.KindName, handle.Value, contactId }, tx, ct);
        return contactId;
    }
}
