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

/// <summary>A complaint's text as the similarity check reads it: its subject and first message.</summary>
public sealed class ComplaintText
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
             SELECT c.id AS case_id, c.number, c.contact_id, c.category, c.received_at, c.subject, c.similarity_checked_at AS checked_at FROM cases c
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
        c.id AS case_id, c.number, c.contact_id, c.category, c.received_at, c.subject,
        (SELECT m.body_text FROM messages m WHERE m.case_id = c.id AND m.direction = 'inbound' ORDER BY m.id LIMIT 1) AS first_text
        """;

    /// <summary>
    /// Records that <paramref name="complaint"/> was compared, links it with the similar ones into their group (or a new
    /// one) and, when the group holds the same complaint from enough different people within the window, raises its
    /// open cases to hot.
    /// </summary>
    /// <returns>The cases raised.</returns>
    public async Task<int> RecordComparisonAsync(ComplaintText complaint, IReadOnlyList<(long CaseId, double Score)> similar,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var raised = 0;
        await InTransactionAsync(async (c, tx, ct) =>
        {
            await c.ExecAsync("UPDATE cases SET similarity_checked_at = @now WHERE id = @CaseId", new { now, complaint.CaseId }, tx, ct);
            if (similar.Count == 0) return true;
            // Issue 17 item 6: a widespread complaint (an outage) is alike to thousands in the window. The members already in a
            // group are read in one statement (a few on SQLite) and only the new ones are linked and audited; only the members
            // a raise can change are handed to ClassRaising (it re-reads each under its lock): not one round trip per alike case.
            var linked = similar.Append((complaint.CaseId, similar.Max(s => s.Score))).DistinctBy(x => x.Item1).ToList();
            var known = new Dictionary<long, long>();
            foreach (var ids in linked.Select(x => x.Item1).Chunk(database.InListSize))
            {
                foreach (var (caseId, groupId) in await c.ListAsync<(long, long)>(
                             $"SELECT case_id, group_id FROM similar_members WHERE {database.In("case_id", "@ids")}", new { ids }, tx, ct))
                    known[caseId] = groupId;
            }
            var group = known.Count > 0
                ? known.Values.Min()
                : await c.OneAsync<long>("INSERT INTO similar_groups (created_at) VALUES (@now) RETURNING id", new { now }, tx, ct);
            // The new members linked and audited set-based: a multi-row insert per 200 members, the audit rows of the ones it added.
            foreach (var chunk in linked.Where(x => !known.ContainsKey(x.Item1)).Chunk(200))
            {
                var rows = new System.Text.StringBuilder("INSERT INTO similar_members (case_id, group_id, score, added_at) VALUES ");
                var parameters = new Dapper.DynamicParameters(new { group, now });
                for (var i = 0; i < chunk.Length; i++)
                {
                    rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}(@c{i}, @group, @s{i}, @now)");
                    parameters.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"c{i}"), chunk[i].Item1);
                    parameters.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"s{i}"), Math.Round(chunk[i].Item2, 3));
                }
                var added = (await c.ListAsync<long>(rows.Append(" ON CONFLICT (case_id) DO NOTHING RETURNING case_id").ToString(), parameters, tx, ct))
                    .ToHashSet();
                await CaseJournal.WriteManyAsync(c, tx,
                    [.. chunk.Where(x => added.Contains(x.Item1))
                        .Select(x => (x.Item1, "", (CaseRecord)new LinkedSimilar(now, group, Math.Round(x.Item2, 3), complaint.Number)))], ct);
            }
            // The group's members the rule can count (received within its window of this complaint), not the group's history.
            var members = await c.ListAsync<(long CaseId, string Number, long ContactId, DateTimeOffset ReceivedAt, string Class, long ClassByHand)>(
                """
                SELECT c.id, c.number, c.contact_id, c.received_at, c.class, CASE WHEN c.class_by_hand THEN 1 ELSE 0 END
                FROM similar_members m JOIN cases c ON c.id = m.case_id
                WHERE m.group_id = @group AND c.received_at >= @earliest AND c.received_at <= @latest
                """,
                new { group, earliest = complaint.ReceivedAt - rules.SimilarWithin, latest = complaint.ReceivedAt + rules.SimilarWithin }, tx, ct);
            var decision = rules.SameComplaint.Decide(complaint.ReceivedAt,
                [.. members.Select(m => new SimilarComplaint(m.CaseId, m.Number, m.ContactId, m.ReceivedAt))]);
            if (decision.Raise is not { } raise) return true;
            // ClassRaising raises only a class below the target that no person set (it checks again under the row lock).
            var raisable = members.Where(m => m.ClassByHand == 0 && CaseClassNames.TryParse(m.Class, out var current) && current < raise.To)
                .Select(m => m.CaseId).ToHashSet();
            // Issue 17 item 6: each case still decides (Core), the raises are written set-based (ClassRaising.RaiseManyAsync).
            raised = (await ClassRaising.RaiseManyAsync(c, tx, database, policy, _notifications,
                [.. decision.Window.Where(m => raisable.Contains(m.CaseId)).Select(m => (m.CaseId, raise))], now, ct)).Count;
            return true;
        }, cancellationToken);
        return raised;
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
