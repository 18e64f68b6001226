using OmniIntake.Core.Cases;
using OmniIntake.Core.Events;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Notifications;

namespace OmniIntake.Data.Classes;

/// <summary>The numbers of policy 5.5, configuration "Classes".</summary>
public sealed class ClassRules
{
    /// <summary>false: no minutely sweep (raising by age and by similar complaints); collective size still raises at once.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan HotWhenUnresolvedFor { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan MajorWhenUnresolvedFor { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan SimilarWithin { get; set; } = TimeSpan.FromDays(30);
    public int HotWhenSimilarFrom { get; set; } = 3;
    public int HotWhenCollectiveOf { get; set; } = 3;
    public int MajorWhenCollectiveOf { get; set; } = 10;

    /// <summary>How alike two complaints must be (0-1) to be linked as the same complaint.</summary>
    public double SimilarityThreshold { get; set; } = 0.4;

    public TimeSpan MajorReminderEvery { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Policy 5.5's rules with these numbers (Core/Policy decides; Data loads the candidates).</summary>
    public RaiseByAge ByAge => new(HotWhenUnresolvedFor, MajorWhenUnresolvedFor);

    public RaiseByCollectiveSize ByCollectiveSize => new(HotWhenCollectiveOf, MajorWhenCollectiveOf);

    public SameComplaintFromMany SameComplaint => new(HotWhenSimilarFrom, SimilarWithin);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (HotWhenUnresolvedFor <= TimeSpan.Zero || MajorWhenUnresolvedFor <= HotWhenUnresolvedFor)
            errors.Add("Classes: HotWhenUnresolvedFor must be positive and shorter than MajorWhenUnresolvedFor.");
        if (HotWhenSimilarFrom < 2) errors.Add($"Classes:HotWhenSimilarFrom is at least 2 (got {HotWhenSimilarFrom}).");
        if (HotWhenCollectiveOf < 2 || MajorWhenCollectiveOf <= HotWhenCollectiveOf)
            errors.Add("Classes: HotWhenCollectiveOf is at least 2 and below MajorWhenCollectiveOf.");
        if (SimilarityThreshold is <= 0 or > 1 || double.IsNaN(SimilarityThreshold))
            errors.Add($"Classes:SimilarityThreshold is between 0 (exclusive) and 1 (got {SimilarityThreshold}).");
        if (SimilarWithin <= TimeSpan.Zero || MajorReminderEvery <= TimeSpan.Zero) errors.Add("Classes: SimilarWithin and MajorReminderEvery must be positive.");
        return errors;
    }
}

/// <summary>A complaint's text as the similarity check reads it: its subject and first message, its group and class.</summary>
public sealed record ComplaintText
{
    public long CaseId { get; init; }
    public string Number { get; init; } = "";
    public long ContactId { get; init; }
    public string? Category { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public string? Subject { get; init; }
    public string? FirstText { get; init; }

    /// <summary>When it was compared (null: not yet); the kept window reads only those compared since its last read.</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>The group of similar complaints it is linked into, if any.</summary>
    public long? GroupId { get; init; }

    public string Class { get; init; } = "general";

    public bool ClassByHand { get; init; }

    public string Text => $"{Subject} {FirstText}".Trim();
}

/// <summary>
/// The automatic side of policy 5.5, run by a minutely job: age (hot after 7 days unresolved, major after 30), the
/// weekly reminder of open major cases, and the linking of the same complaint from different people into a group
/// that turns hot at 3 complainants within 30 days. Each case is handled in its own transaction.
/// </summary>
public sealed class ClassSweep(Database database, IDeadlinePolicy policy, TimeProvider clock, IEventLogSignal signal, ClassRules rules,
    SupervisorNotificationOptions? notifications = null)
{
    private readonly SupervisorNotificationOptions _notifications = notifications ?? SupervisorNotificationOptions.None;
    private static readonly string Open = OpenCases.Where("c");

    /// <returns>How many cases were raised.</returns>
    public async Task<int> RaiseByAgeAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var byAge = rules.ByAge;
        List<(long Id, DateTimeOffset ReceivedAt)> due;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            due = [.. await connection.ListAsync<(long, DateTimeOffset)>(
                $"""
                 SELECT c.id, c.received_at FROM cases c
                 WHERE {Open} AND c.class_by_hand = {database.Dialect.False}
                   AND ((c.class IN ('general', 'important') AND c.received_at <= @hot) OR (c.class <> 'major' AND c.received_at <= @major))
                 ORDER BY c.id LIMIT 500
                 """, new { hot = byAge.HotIfReceivedBy(now), major = byAge.MajorIfReceivedBy(now) }, null, cancellationToken)];
        }
        // Core's rule decides each case's raise; the raises are written set-based in one transaction (issue 17 item 6).
        var raises = due.Select(d => (d.Id, Raise: byAge.For(d.ReceivedAt, now))).Where(d => d.Raise is not null).Select(d => (d.Id, d.Raise!)).ToList();
        if (raises.Count == 0) return 0;
        var raised = 0;
        await InTransactionAsync(async (c, tx, ct) =>
        {
            raised = (await ClassRaising.RaiseManyAsync(c, tx, database, policy, _notifications, raises, now, ct)).Count;
            return raised > 0;
        }, cancellationToken);
        return raised;
    }

    /// <summary>Open major cases are reported to supervisors at least weekly until handled (policy 5.5).</summary>
    public async Task<int> RemindMajorAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<(long Id, string Number)> due;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            due = [.. await connection.ListAsync<(long, string)>(
                $"SELECT c.id, c.number FROM cases c WHERE {Open} AND c.class = 'major' AND (c.class_notified_at IS NULL OR c.class_notified_at <= @since) LIMIT 500",
                new { since = now - rules.MajorReminderEvery }, null, cancellationToken)];
        }
        foreach (var (id, number) in due)
        {
            await InTransactionAsync(async (c, tx, ct) =>
            {
                await ClassRaising.NotifyAsync(c, tx, database, _notifications, id, number, CaseClass.Major, "still open: weekly progress report due", now, ct);
                return true;
            }, cancellationToken);
        }
        return due.Count;
    }

    /// <summary>Cases whose text was not compared yet, oldest first.</summary>
    public async Task<IReadOnlyList<ComplaintText>> UncheckedAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<ComplaintText>(
            $"SELECT {TextColumns} FROM cases c WHERE c.similarity_checked_at IS NULL ORDER BY c.id LIMIT @limit", new { limit }, null, cancellationToken);
    }

    /// <summary>
    /// The compared complaints received since <paramref name="since"/>, without their text (<see cref="ComplaintText.FirstText"/>
    /// is null): the sweep keeps them between runs, and reads the texts only of the ones it has not seen (<see cref="FirstTextsAsync"/>).
    /// </summary>
    /// <param name="since">The window's start (received at or after).</param>
    /// <param name="checkedAfter">Only those compared after this moment (cases_similarity_checked), or all of the window when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<ComplaintText>> WindowSinceAsync(DateTimeOffset since, DateTimeOffset? checkedAfter = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<ComplaintText>(
            $"""
             SELECT c.id AS case_id, c.number, c.contact_id, c.category, c.received_at, c.subject, c.similarity_checked_at AS checked_at,
                    m.group_id, c.class, c.class_by_hand
             FROM cases c LEFT JOIN similar_members m ON m.case_id = c.id
             WHERE c.received_at >= @since AND c.status <> 'withdrawn'
               AND {(checkedAfter is null ? "c.similarity_checked_at IS NOT NULL" : "c.similarity_checked_at > @checkedAfter")}
             """, new { since, checkedAfter }, null, cancellationToken);
    }

    /// <summary>The first inbound message of each of these cases.</summary>
    public async Task<IReadOnlyDictionary<long, string>> FirstTextsAsync(IReadOnlyCollection<long> caseIds, CancellationToken cancellationToken = default)
    {
        var texts = new Dictionary<long, string>();
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var ids in caseIds.Chunk(database.InListSize))
        {
            foreach (var (caseId, text) in await connection.ListAsync<(long, string)>(
                         $"""
                          SELECT m.case_id, m.body_text FROM messages m
                          WHERE m.id IN (SELECT MIN(f.id) FROM messages f WHERE {database.In("f.case_id", "@ids")} AND f.direction = 'inbound' GROUP BY f.case_id)
                          """, new { ids }, null, cancellationToken))
                texts[caseId] = text;
        }
        return texts;
    }

    private const string TextColumns =
        """
        c.id AS case_id, c.number, c.contact_id, c.category, c.received_at, c.subject, c.class, c.class_by_hand,
        (SELECT m.group_id FROM similar_members m WHERE m.case_id = c.id) AS group_id,
        (SELECT m.body_text FROM messages m WHERE m.case_id = c.id AND m.direction = 'inbound' ORDER BY m.id LIMIT 1) AS first_text
        """;

    /// <summary>
    /// The compared complaints received since <paramref name="since"/> with their groups and classes, as the class sweep
    /// keeps them between runs: the memberships exact for the version read first.
    /// </summary>
    public async Task<KnownGroups> KnownGroupsAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var version = await MembershipVersionAsync(cancellationToken);
        var known = new KnownGroups { From = since };
        foreach (var complaint in await WindowSinceAsync(since, null, cancellationToken)) known.Keep(complaint);
        known.ReadAt(version);
        return known;
    }

    /// <summary>similar_membership's version now: read before the window's memberships, it is what they are exact for.</summary>
    private async Task<long> MembershipVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneAsync<long>("SELECT version FROM similar_membership WHERE id = 1", null, null, cancellationToken);
    }

    /// <summary>
    /// Records that <paramref name="complaint"/> was compared, links it with the similar ones into their group (or a new
    /// one) and, when the group holds the same complaint from enough different people within the window, raises its
    /// open cases to hot. The memberships and the group's members are what <paramref name="known"/> keeps (issue 17
    /// item 6), checked under similar_membership's lock to be exact and read again when they are not; what this
    /// comparison linked and raised is kept there too, and <paramref name="complaint"/> with it.
    /// </summary>
    /// <returns>The cases raised.</returns>
    public async Task<int> RecordComparisonAsync(ComplaintText complaint, IReadOnlyList<(long CaseId, double Score)> similar, KnownGroups known,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var raised = new List<long>();
        var raisedTo = CaseClass.General;
        if (similar.FirstOrDefault(s => !known.Contains(s.CaseId)) is { CaseId: > 0 } stranger)
            throw new ArgumentException($"Case {stranger.CaseId} is not in the window kept: it cannot be linked by what is known of it.", nameof(similar));
        if (!known.Contains(complaint.CaseId)) known.Keep(complaint); // in the window from now on: a later complaint may link it
        try
        {
            await InTransactionAsync(async (c, tx, ct) =>
            {
                await c.ExecAsync("UPDATE cases SET similarity_checked_at = @now WHERE id = @CaseId", new { now, complaint.CaseId }, tx, ct);
                if (similar.Count == 0) return true;
                // Under the version's row lock no one changes a membership: what is kept is exact, or read again here.
                var version = await c.OneAsync<long>($"SELECT version FROM similar_membership WHERE id = 1{database.Dialect.ForUpdate}", null, tx, ct);
                if (version != known.Version) known.Regroup(await MembershipsSinceAsync(c, tx, known.From, ct), version);
                // Each alike case with the group it is in (one look-up each: an outage links thousands).
                var linked = similar.Append((complaint.CaseId, similar.Max(s => s.Score))).DistinctBy(x => x.Item1)
                    .Select(x => (Case: x, Group: known.GroupOf(x.Item1))).ToList();
                var group = linked.Min(x => x.Group)
                            ?? await c.OneAsync<long>("INSERT INTO similar_groups (created_at) VALUES (@now) RETURNING id", new { now }, tx, ct);
                var unlinked = linked.Where(x => x.Group is null).Select(x => x.Case).ToList();
                var added = await LinkAsync(c, tx, group, unlinked, complaint.Number, now, ct);
                if (added.Count > 0)
                    known.Linked(group, added,
                        await c.OneAsync<long>("UPDATE similar_membership SET version = version + 1 WHERE id = 1 RETURNING version", null, tx, ct));
                if (added.Count != unlinked.Count) known.Invalidate(); // one was linked after all: kept memberships were not exact
                // The group's members the rule can count (received within its window of this complaint), not the group's history.
                var members = known.MembersOf(group, complaint.ReceivedAt - rules.SimilarWithin, complaint.ReceivedAt + rules.SimilarWithin);
                var decision = rules.SameComplaint.Decide(complaint.ReceivedAt,
                    [.. members.Select(m => new SimilarComplaint(m.CaseId, m.Number, m.ContactId, m.ReceivedAt))]);
                if (decision.Raise is not { } raise) return true;
                // ClassRaising raises only a class below the target that no person set (it checks again under the row lock).
                var raisable = members.Where(m => !m.ClassByHand && CaseClassNames.TryParse(m.Class, out var current) && current < raise.To)
                    .Select(m => m.CaseId).ToHashSet();
                // Issue 17 item 6: each case still decides (Core), the raises are written set-based (ClassRaising.RaiseManyAsync).
                raised.AddRange(await ClassRaising.RaiseManyAsync(c, tx, database, policy, _notifications,
                    [.. decision.Window.Where(m => raisable.Contains(m.CaseId)).Select(m => (m.CaseId, raise))], now, ct));
                raisedTo = raise.To;
                return true;
            }, cancellationToken);
        }
        catch
        {
            known.Invalidate(); // what it kept of links and raises may not have committed
            throw;
        }
        known.Raised(raised, raisedTo);
        return raised.Count;
    }

    /// <summary>The groups of the complaints received since <paramref name="since"/>: who is linked to which.</summary>
    private static async Task<IReadOnlyDictionary<long, long>> MembershipsSinceAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx,
        DateTimeOffset since, CancellationToken ct) =>
        (await c.ListAsync<(long CaseId, long GroupId)>(
            "SELECT m.case_id, m.group_id FROM similar_members m JOIN cases c ON c.id = m.case_id WHERE c.received_at >= @since", new { since }, tx, ct))
        .ToDictionary(m => m.CaseId, m => m.GroupId);

    /// <summary>Links these cases into the group set-based (a multi-row insert per 200, the audit rows of the ones it added).</summary>
    /// <returns>The cases linked (a case already in a group is not moved).</returns>
    private static async Task<List<long>> LinkAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, long group,
        IReadOnlyList<(long CaseId, double Score)> cases, string byNumber, DateTimeOffset now, CancellationToken ct)
    {
        var linked = new List<long>();
        foreach (var chunk in cases.Chunk(200))
        {
            var rows = new System.Text.StringBuilder("INSERT INTO similar_members (case_id, group_id, score, added_at) VALUES ");
            var parameters = new Dapper.DynamicParameters(new { group, now });
            for (var i = 0; i < chunk.Length; i++)
            {
                rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}(@c{i}, @group, @s{i}, @now)");
                parameters.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"c{i}"), chunk[i].CaseId);
                parameters.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"s{i}"), Math.Round(chunk[i].Score, 3));
            }
            var added = (await c.ListAsync<long>(rows.Append(" ON CONFLICT (case_id) DO NOTHING RETURNING case_id").ToString(), parameters, tx, ct))
                .ToHashSet();
            await CaseJournal.WriteManyAsync(c, tx,
                [.. chunk.Where(x => added.Contains(x.CaseId))
                    .Select(x => (x.CaseId, "", (CaseRecord)new LinkedSimilar(now, group, Math.Round(x.Score, 3), byNumber)))], ct);
            linked.AddRange(added);
        }
        return linked;
    }

    private async Task<bool> InTransactionAsync(Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, CancellationToken, Task<bool>> work,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var changed = await work(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (changed) signal.EventsCommitted();
        return changed;
    }
}
