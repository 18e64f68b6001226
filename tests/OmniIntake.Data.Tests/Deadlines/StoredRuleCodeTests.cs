using Dapper;
using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Deadlines;
using OmniIntake.Data.Schema;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Deadlines;

/// <summary>
/// The rule code stored with the deadline (issue 13 item 2): written when the clock starts, rendered from the row, kept
/// right by a recomputation, and filled in once by migration 0057 for rows written before, from their text.
/// </summary>
public sealed class StoredRuleCodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int day, int hour) => new(2026, 11, day, hour, 0, 0, Shanghai);

    public static TheoryData<string, DueTime> PolicyDueTimes()
    {
        var policy = new DefaultDeadlinePolicy(BusinessCalendar.ChinaDefault());
        var hospital = new DefaultDeadlinePolicy(BusinessCalendar.ChinaDefault(), new DefaultPolicyOptions { AnswerWorkingDays = 2, AnswerSource = "医院规定" });
        var week = new DefaultDeadlinePolicy(BusinessCalendar.ChinaDefault(), new DefaultPolicyOptions { AnswerCalendarTime = TimeSpan.FromDays(7) });
        var fixedWindow = new FixedWindowPolicy(TimeSpan.FromMinutes(5));
        return new()
        {
            { "day off", policy.Forwarding(Channel.Email, At(28, 15)) },
            { "forum in working hours", policy.Forwarding(Channel.Forum, At(24, 10)) },
            { "working hours", policy.Forwarding(Channel.Chat, At(24, 10)) },
            { "off hours", policy.Forwarding(Channel.Sms, At(24, 20)) },
            { "owner answer", policy.Answer(Channel.Email, At(24, 10)) },
            { "public reply", policy.Answer(Channel.Forum, At(24, 10)) },
            { "custom answer in days", hospital.Answer(Channel.Email, At(24, 10)) },
            { "answer in a week", week.Answer(Channel.Email, At(24, 10)) },
            { "major first answer", policy.MajorFirstAnswer(At(24, 10)) },
            { "fixed forward", fixedWindow.Forwarding(Channel.Chat, At(24, 10)) },
            { "fixed answer", fixedWindow.Answer(Channel.Chat, At(24, 10)) },
            { "fixed first answer", fixedWindow.MajorFirstAnswer(At(24, 10)) },
            { "resumed in working time", policy.Resumed(DeadlineKind.OwnerAnswer, At(30, 10), TimeSpan.FromMinutes(150)) },
            { "resumed on the wall clock", policy.Resumed(DeadlineKind.MajorFirstAnswer, At(30, 10), TimeSpan.FromHours(20)) },
        };
    }

    /// <summary>The backfill reads an old row's text as the code its policy now gives, so a backfilled row and a new one say the same.</summary>
    [Theory]
    [MemberData(nameof(PolicyDueTimes))]
    public void AnOldRowsText_ReadsAsTheCodeItsPolicyNowStores(string rule, DueTime due)
    {
        Assert.NotEqual(DeadlineRuleCode.UnknownCode, due.Code.Code);
        Assert.True(due.Code.Equals(LegacyRuleTexts.Parse(due.Rule)), $"{rule}: {due.Rule}");
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("someone's own words")]
    public void AnUnknownText_IsUnknown_NotAGuess(string? text) => Assert.Equal(LegacyRuleTexts.Unknown, LegacyRuleTexts.Parse(text).Code);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheCode_IsStoredWhenTheClockStarts_AndMovesWithARecomputation(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider); // Tuesday 24 November, 10:00 in Shanghai: working hours
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138300", "电梯坏了"), Ct);
        var stored = await StoredAsync(h, opened.CaseId);
        Assert.Equal(("policy.5.2.2.working-hours", """{"windowMinutes":30}"""), stored);
        var shown = Assert.Single((await h.Queries.GetAsync(opened.CaseNumber, Ct))!.Deadlines);
        Assert.Equal(("policy.5.2.2.working-hours", 30), (shown.RuleCode.Code, (int)shown.RuleCode.Parameters["windowMinutes"]));

        // Tuesday becomes a day off: the forwarding is due by the end of the day, and its code says so.
        var calendar = BusinessCalendar.ChinaDefault();
        var days = new Dictionary<DateOnly, bool>(ChinaHolidays.Days) { [new DateOnly(2026, 11, 24)] = false };
        var policy = new DefaultDeadlinePolicy(new BusinessCalendar(calendar.Zone,
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], calendar.Periods, days));
        Assert.Equal((1, 1), await new DeadlineRecomputation(h.Database, h.Clock).RecomputeAsync(policy, "admin", "临时放假", Ct));
        Assert.Equal(("policy.5.2.2.day-off", "{}"), await StoredAsync(h, opened.CaseId));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Migration0057_FillsInTheCodeOfRowsWrittenBefore_FromTheirText(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        h.Clock.SetUtcNow(At(24, 20)); // Tuesday 20:00: off hours
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138301", "夜里噪音扰民"), Ct);
        var written = await StoredAsync(h, opened.CaseId);
        await h.ExecAsync("INSERT INTO deadlines (case_id, kind, due_at, rule, state, warn_at) VALUES ("
                          + opened.CaseId + ", 'majorFirstAnswer', '2026-11-25T12:00:00Z', 'a rule nobody wrote', 'pending', '2026-11-25T10:00:00Z')");

        // The database as it was before 0057: no code columns.
        await h.ExecAsync("ALTER TABLE deadlines DROP COLUMN rule_code");
        await h.ExecAsync("ALTER TABLE deadlines DROP COLUMN rule_params");
        await h.ExecAsync("DELETE FROM schema_migrations WHERE version = 57");
        Assert.Equal([57], await new SchemaMigrator(h.Database).MigrateAsync(Ct));

        Assert.Equal(written, await StoredAsync(h, opened.CaseId));
        Assert.Equal("policy.5.2.2.off-hours", written.Code);
        Assert.Equal(("unknown", "{}"), await StoredAsync(h, opened.CaseId, "majorFirstAnswer"));
        var shown = (await h.Queries.GetAsync(opened.CaseNumber, Ct))!.Deadlines.Single(d => d.Kind == "forward").RuleCode;
        Assert.Equal(("policy.5.2.2.off-hours", 60, "2026-11-25 09:00"), (shown.Code, (int)shown.Parameters["windowMinutes"], (string)shown.Parameters["start"]));
    }

    private static async Task<(string? Code, string? Params)> StoredAsync(DataHarness h, long caseId, string kind = "forward")
    {
        await using var connection = await h.Database.OpenAsync(Ct);
        return await connection.QuerySingleAsync<(string?, string?)>(
            "SELECT rule_code, rule_params FROM deadlines WHERE case_id = @caseId AND kind = @kind", new { caseId, kind });
    }
}
