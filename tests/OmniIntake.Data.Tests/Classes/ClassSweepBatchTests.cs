using System.Text.Json.Nodes;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Events;
using OmniIntake.Data.Classes;
using OmniIntake.Data.Notifications;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Classes;

/// <summary>
/// Issue 17 item 6: the class sweep raises set-based (a batch loaded, each case deciding in Core, the writes batched).
/// Every raised case ends with exactly what the one-by-one path wrote for it: its class, one "case.classified" audit
/// row and event with the rule's reason, the major clock, the supervisors' notices and class_notified_at; a person's
/// class is left alone; and a second run changes nothing.
/// </summary>
public sealed class ClassSweepBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly SupervisorNotificationOptions Supervisors = new()
    {
        Recipients = [new NotificationRecipient(Channel.Email, "boss@example.test"), new NotificationRecipient(Channel.Sms, "+8613900139000")],
    };

    private static ClassSweep Sweep(DataHarness h) => new(h.Database, h.Policy, h.Clock, NoEventLogSignal.Instance, new ClassRules(), Supervisors);

    private sealed record Row(long Id, string Class, string? Category, DateTimeOffset? ClassNotifiedAt);

    private sealed record Journal(long CaseId, string Action, string Actor, string Detail);

    private sealed record Event(long CaseId, string Kind, string CaseNumber, string Data);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task RaisingByAge_WritesWhatOneByOneDid_AndASecondRunChangesNothing(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        // Five cases a month old (major), four a week old (hot), one set by a supervisor, one fresh.
        var month = new List<long>();
        for (var i = 0; i < 5; i++) month.Add((await h.Intake.AcceptAsync(h.Sms($"+86138001381{i:D2}", $"退款一个月没到账 {i}"), Ct)).CaseId);
        var byHand = (await h.Intake.AcceptAsync(h.Sms("+8613800138150", "垃圾没人清理"), Ct)).CaseId;
        Assert.True((await h.Commands.ClassifyAsync(byHand, CaseClass.Important, null, "supervisor1", "客户原因拖延", Ct)).IsDone);
        h.Clock.Advance(TimeSpan.FromDays(23));
        var week = new List<long>();
        for (var i = 0; i < 4; i++) week.Add((await h.Intake.AcceptAsync(h.Sms($"+86138001382{i:D2}", $"噪音扰民一周了 {i}"), Ct)).CaseId);
        h.Clock.Advance(TimeSpan.FromDays(8));
        var fresh = (await h.Intake.AcceptAsync(h.Sms("+8613800138300", "路灯不亮"), Ct)).CaseId;
        var now = h.Clock.GetUtcNow();
        var (audit, events) = (await AuditAsync(h), await EventsAsync(h));

        var raised = await Sweep(h).RaiseByAgeAsync(Ct);

        Assert.Equal(9, raised);
        var rows = (await h.ListAsync<Row>("SELECT id, class, category, class_notified_at FROM cases")).ToDictionary(r => r.Id);
        var expected = month.Select(id => (id, CaseClass.Major, "unresolved 30 days after receipt (policy 5.5: major)"))
            .Concat(week.Select(id => (id, CaseClass.Hot, "unresolved 7 days after receipt (policy 5.5: hot)"))).ToList();
        await AssertRaisedAsOneByOneAsync(h, audit, events, expected, now);
        Assert.Equal("important", rows[byHand].Class); // a person's class: no rule raises it
        Assert.Equal(("general", null), (rows[fresh].Class, rows[fresh].ClassNotifiedAt));
        // A case made major owes its first answer from receipt (4.1.2): the clock the one-by-one path started.
        foreach (var id in month)
            Assert.Single(await h.ListAsync<long>($"SELECT id FROM deadlines WHERE case_id = {id} AND kind = 'majorFirstAnswer' AND state = 'pending'"));
        Assert.Empty(await h.ListAsync<long>($"SELECT id FROM deadlines WHERE kind = 'majorFirstAnswer' AND case_id IN ({string.Join(", ", week)})"));

        var counts = await CountsAsync(h);
        Assert.Equal(0, await Sweep(h).RaiseByAgeAsync(Ct));
        Assert.Equal(counts, await CountsAsync(h));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheSameComplaintFromMany_IsLinkedAndRaisedSetBased_AsOneByOne_AndAgainChangesNothing(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var alike = new List<(long Id, string Number)>();
        for (var i = 0; i < 12; i++)
        {
            var accepted = await h.Intake.AcceptAsync(h.Sms($"+86138001384{i:D2}", $"3号楼电梯坏了三天没人修 {i}"), Ct);
            alike.Add((accepted.CaseId, accepted.CaseNumber));
        }
        var byHand = alike[3].Id;
        Assert.True((await h.Commands.ClassifyAsync(byHand, CaseClass.Important, null, "supervisor1", "另一栋楼", Ct)).IsDone);
        var sweep = Sweep(h);
        var last = (await sweep.UncheckedAsync(100, Ct)).Single(c => c.CaseId == alike[^1].Id);
        // The others were compared as they arrived (with nothing alike then): the window the sweep keeps holds them.
        await h.ExecAsync($"UPDATE cases SET similarity_checked_at = received_at WHERE id <> {last.CaseId}");
        var known = await sweep.KnownGroupsAsync(last.ReceivedAt.AddDays(-30), Ct);
        var now = h.Clock.GetUtcNow();
        var (audit, events) = (await AuditAsync(h), await EventsAsync(h));
        IReadOnlyList<(long CaseId, double Score)> similar = [.. alike.Take(11).Select(a => (a.Id, 0.9))];

        var raised = await sweep.RecordComparisonAsync(last, similar, known, Ct);

        Assert.Equal(11, raised); // all but the one a supervisor set
        var members = await h.ListAsync<(long CaseId, long GroupId)>("SELECT case_id, group_id FROM similar_members");
        Assert.Equal(alike.Select(a => a.Id).Order(), members.Select(m => m.CaseId).Order());
        Assert.Single(members.Select(m => m.GroupId).Distinct());
        var linked = (await AuditAsync(h)).Skip(audit.Count).Where(a => a.Action != "case.classified" && a.Action != "notification.queued").ToList();
        Assert.Equal(alike.Select(a => a.Id).Order(), linked.Select(a => a.CaseId).Order());
        Assert.All(linked, a =>
        {
            Assert.Equal("system", a.Actor);
            Assert.Equal(0.9, JsonNode.Parse(a.Detail)!["score"]!.GetValue<double>());
        });
        var reason = Assert.Single((await AuditAsync(h)).Skip(audit.Count).Where(a => a.Action == "case.classified")
            .Select(a => JsonNode.Parse(a.Detail)!["reason"]!.GetValue<string>()).Distinct());
        await AssertRaisedAsOneByOneAsync(h, audit, events, [.. alike.Where(a => a.Id != byHand).Select(a => (a.Id, CaseClass.Hot, reason))], now,
            otherAuditActions: linked.Count);
        Assert.Equal("important", (await h.ListAsync<string>($"SELECT class FROM cases WHERE id = {byHand}")).Single());

        var counts = await CountsAsync(h);
        Assert.Equal(0, await sweep.RecordComparisonAsync(last, similar, known, Ct)); // by what it keeps now
        Assert.Equal(0, await sweep.RecordComparisonAsync(last, similar, await sweep.KnownGroupsAsync(last.ReceivedAt.AddDays(-30), Ct), Ct)); // read again
        Assert.Equal(counts, await CountsAsync(h));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AMemberASupervisorTookOut_IsNotCounted_ByAWindowKeptFromBefore(DatabaseProvider provider)
    {
        // Issue 17 item 6: the sweep keeps the groups in memory between runs; a supervisor's removal (another process)
        // changes similar_membership's version, so what was kept is read again before the next complaint is counted.
        await using var h = await DataHarness.CreateAsync(provider);
        var a = await h.Intake.AcceptAsync(h.Sms("+8613800138501", "3号楼电梯坏了三天没人修"), Ct);
        var b = await h.Intake.AcceptAsync(h.Sms("+8613800138502", "3号楼电梯又坏了"), Ct);
        await h.ExecAsync($"UPDATE cases SET similarity_checked_at = received_at WHERE id = {a.CaseId}");
        var sweep = Sweep(h);
        var known = await sweep.KnownGroupsAsync(h.Clock.GetUtcNow().AddDays(-30), Ct);
        var second = (await sweep.UncheckedAsync(10, Ct)).Single(c => c.CaseId == b.CaseId);
        Assert.Equal(0, await sweep.RecordComparisonAsync(second, [(a.CaseId, 0.9)], known, Ct)); // a group of two complainants
        Assert.True((await new SimilarGroups(h.Database, h.Clock).RemoveAsync(b.CaseId, "supervisor1", "另一栋楼", Ct)).IsDone);
        var c = await h.Intake.AcceptAsync(h.Sms("+8613800138503", "3号楼的电梯坏了没人修"), Ct);
        var third = (await sweep.UncheckedAsync(10, Ct)).Single(x => x.CaseId == c.CaseId);

        var raised = await sweep.RecordComparisonAsync(third, [(a.CaseId, 0.9)], known, Ct);

        Assert.Equal(0, raised); // two complainants (a and c): b was taken out, whatever the window kept
        Assert.Equal([a.CaseId, c.CaseId], (await h.ListAsync<long>("SELECT case_id FROM similar_members ORDER BY case_id")).ToArray());
        Assert.Equal(["general"], (await h.ListAsync<string>("SELECT DISTINCT class FROM cases")).ToArray());
    }

    /// <summary>
    /// What ClassRaising wrote one case at a time for each raised case, and nothing else: the class, one "case.classified"
    /// audit row (system, automatic, the rule's reason) and event, the supervisors' notice (one message per recipient and
    /// its audit row), class_notified_at = now.
    /// </summary>
    private static async Task AssertRaisedAsOneByOneAsync(DataHarness h, IReadOnlyList<Journal> auditBefore, IReadOnlyList<Event> eventsBefore,
        List<(long Id, CaseClass To, string Reason)> expected, DateTimeOffset now, int otherAuditActions = 0)
    {
        var rows = (await h.ListAsync<Row>("SELECT id, class, category, class_notified_at FROM cases")).ToDictionary(r => r.Id);
        var audit = (await AuditAsync(h)).Skip(auditBefore.Count).ToList();
        var events = (await EventsAsync(h)).Skip(eventsBefore.Count).ToList();
        Assert.Equal(expected.Count * 2 + otherAuditActions, audit.Count);
        Assert.Equal(expected.Count, events.Count);
        foreach (var (id, to, reason) in expected)
        {
            Assert.Equal(to.ToName(), rows[id].Class);
            Assert.Equal(now, rows[id].ClassNotifiedAt);
            var classified = Assert.Single(audit, a => a.CaseId == id && a.Action == "case.classified");
            Assert.Equal("system", classified.Actor);
            Assert.True(JsonNode.DeepEquals(new JsonObject { ["fromClass"] = "general", ["toClass"] = to.ToName(), ["reason"] = reason, ["automatic"] = true },
                JsonNode.Parse(classified.Detail)), classified.Detail);
            var notice = Assert.Single(audit, a => a.CaseId == id && a.Action != "case.classified" && a.Detail.Contains("class." + to.ToName(), StringComparison.Ordinal));
            Assert.Equal("system", notice.Actor);
            var e = Assert.Single(events, x => x.CaseId == id);
            Assert.Equal("case.classified", e.Kind);
            Assert.True(JsonNode.DeepEquals(new JsonObject { ["class"] = to.ToName(), ["category"] = rows[id].Category }, JsonNode.Parse(e.Data)), e.Data);
            var number = (await h.ListAsync<string>($"SELECT number FROM cases WHERE id = {id}")).Single();
            Assert.Equal(number, e.CaseNumber);
            var notices = await h.ListAsync<(string Channel, string Body)>($"SELECT channel, body_text FROM messages WHERE case_id = {id} AND direction = 'notification'");
            Assert.Equal(["email", "sms"], notices.Select(n => n.Channel).Order());
            Assert.All(notices, n => Assert.StartsWith(to == CaseClass.Major ? "【重大投诉 Major】" + number : "【热点投诉 Hot】" + number, n.Body, StringComparison.Ordinal));
        }
    }

    private static async Task<IReadOnlyList<Journal>> AuditAsync(DataHarness h) =>
        await h.ListAsync<Journal>("SELECT case_id, action, actor, detail FROM audit ORDER BY id");

    private static async Task<IReadOnlyList<Event>> EventsAsync(DataHarness h) =>
        await h.ListAsync<Event>("SELECT case_id, kind, case_number, data FROM events ORDER BY id");

    private static async Task<(long Audit, long Events, long Messages, long Deadlines, long Members, string Classes)> CountsAsync(DataHarness h) =>
        (await h.CountAsync("audit"), await h.CountAsync("events"), await h.CountAsync("messages"), await h.CountAsync("deadlines"),
            await h.CountAsync("similar_members"),
            string.Join(",", await h.ListAsync<string>("SELECT class || ':' || COALESCE(CAST(class_notified_at AS text), '') FROM cases ORDER BY id")));
}
