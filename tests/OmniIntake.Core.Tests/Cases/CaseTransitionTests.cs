using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Messages;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Tests.Cases;

/// <summary>
/// The transitions that were transaction scripts in Data (issue 13 item 1): classify (by hand and raised), merge, reply
/// to every co-complainant and withdraw — each gate, change and clock, without a database.
/// </summary>
public sealed class CaseTransitionTests
{
    private static readonly DefaultDeadlinePolicy Policy = new(BusinessCalendar.ChinaDefault());
    private static readonly DateTimeOffset Received = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Later = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    private static Case New(CaseStatus status = CaseStatus.Received, CaseClass caseClass = CaseClass.General, bool byHand = false, long id = 7,
        long contact = 70, Channel channel = Channel.Sms) =>
        new(id, $"TS-20261124-{id:00000}", status, channel, null, Received) { Class = caseClass, ClassByHand = byHand, Category = "billing", ContactId = contact };

    [Fact]
    public void Classify_ByHand_SetsClassAndCategory_AndMakesTheClassThePersons()
    {
        var kase = New();

        var decision = kase.Classify(CaseClass.Important, "service", categoryConfigured: true, "sup1", "repeat caller", Later, Policy);

        var classified = Assert.IsType<CaseClassified>(decision.Change);
        Assert.Equal((CaseClass.General, CaseClass.Important, "billing", "service", true, false),
            (classified.FromClass, classified.ToClass, classified.FromCategory, classified.ToCategory, classified.ByHand, classified.Automatic));
        Assert.False(classified.NotifiesSupervisors); // important is not told to supervisors (5.5)
        Assert.Equal((CaseClass.Important, "service", true), (kase.Class, kase.Category, kase.ClassByHand));
        Assert.Empty(decision.Clocks.Started);
    }

    [Fact]
    public void Classify_ToMajor_StartsTheFirstAnswerFromReceipt_AndNotifies()
    {
        var kase = New(caseClass: CaseClass.Hot);

        var decision = kase.Classify(CaseClass.Major, null, categoryConfigured: false, "sup1", null, Later, Policy);

        var started = Assert.Single(decision.Clocks.Started);
        Assert.Equal(DeadlineClock.Classification(Received), started.Clock);
        Assert.Equal(Policy.MajorFirstAnswer(Received), started.Due);
        var classified = Assert.IsType<CaseClassified>(decision.Change);
        Assert.True(classified.NotifiesSupervisors);
        Assert.Equal("set by sup1", classified.NotifyReason);
    }

    [Fact]
    public void Classify_LoweringTheClass_NotifiesNobody()
    {
        var kase = New(caseClass: CaseClass.Hot);

        var decision = kase.Classify(CaseClass.General, null, categoryConfigured: false, "sup1", "mistake", Later, Policy);

        var classified = Assert.IsType<CaseClassified>(decision.Change);
        Assert.Null(classified.Raised);
        Assert.False(classified.NotifiesSupervisors);
        Assert.Equal(CaseClass.General, kase.Class);
    }

    [Fact]
    public void Classify_TheSameCategoryAgain_ChangesNothing_ButConfirmingTheClassStillMakesItThePersons()
    {
        var unchanged = New().Classify(null, "billing", categoryConfigured: true, "agent1", null, Later, Policy);
        var kase = New();
        var confirmed = kase.Classify(CaseClass.General, null, categoryConfigured: false, "agent1", null, Later, Policy);

        Assert.True(unchanged.IsDone);
        Assert.Null(unchanged.Change);
        Assert.IsType<CaseClassified>(confirmed.Change);
        Assert.True(kase.ClassByHand);
    }

    [Theory]
    [InlineData(null, null, true, "Give a class, a category or both.")]
    [InlineData(null, "nosuch", false, "Category 'nosuch' is not configured.")]
    public void Classify_IsRefused_WithoutSomethingToSet(CaseClass? caseClass, string? category, bool configured, string why)
    {
        var kase = New();

        var decision = kase.Classify(caseClass, category, configured, "agent1", null, Later, Policy);

        Assert.Equal((CommandOutcome.Invalid, why), (decision.Result.Outcome, decision.Result.Error));
        Assert.Equal(CaseClass.General, kase.Class);
    }

    [Fact]
    public void Raise_ByARule_IsAutomatic_AndNotifiesAHotCase()
    {
        var kase = New();

        var decision = kase.Raise(new ClassRaise(CaseClass.Hot, "3 complainants"), Later, Policy);

        var classified = Assert.IsType<CaseClassified>(decision.Change);
        Assert.Equal(("system", true, false, "3 complainants"), (classified.Actor, classified.Automatic, classified.ByHand, classified.NotifyReason));
        Assert.True(classified.NotifiesSupervisors);
        Assert.Equal((CaseClass.Hot, false), (kase.Class, kase.ClassByHand));
    }

    [Theory]
    [InlineData(CaseClass.General, true, "set by a person")]
    [InlineData(CaseClass.Hot, false, "never lowers")]
    [InlineData(CaseClass.Major, false, "never lowers")]
    public void Raise_LeavesAPersonsClassAlone_AndNeverLowers(CaseClass from, bool byHand, string why)
    {
        var kase = New(caseClass: from, byHand: byHand);

        var decision = kase.Raise(new ClassRaise(CaseClass.Hot, "aged 7 days"), Later, Policy);

        Assert.False(decision.IsDone);
        Assert.Contains(why, decision.Result.Error, StringComparison.Ordinal);
        Assert.Equal(from, kase.Class);
    }

    [Fact]
    public void Raise_ToMajor_StartsTheMajorFirstAnswer()
    {
        var decision = New(caseClass: CaseClass.Important).Raise(new ClassRaise(CaseClass.Major, "10 complainants"), Later, Policy);

        Assert.Equal(DeadlineKind.MajorFirstAnswer, Assert.Single(decision.Clocks.Started).Clock.Kind);
    }

    [Fact]
    public void MergeInto_KeepsTheDuplicate_CancelsItsClocks_AndHandsOverItsComplainants()
    {
        var source = New(id: 7, contact: 70);
        var target = New(CaseStatus.Forwarded, id: 9, contact: 90);

        var decision = source.MergeInto(target, [71, 90, 71], "same leak", "agent1", Later);

        Assert.True(decision.IsDone);
        var merged = Assert.IsType<CaseMerged>(decision.Source!.Change);
        Assert.Equal((9L, "TS-20261124-00009", CaseStatus.Merged), (merged.IntoId, merged.IntoNumber, merged.ToStatus));
        Assert.Equal(DeadlineKinds.All, decision.Source.Clocks.Cancelled);
        var mergedIn = Assert.IsType<CaseMergedIn>(decision.Target!.Change);
        Assert.Equal([71L, 70L], mergedIn.Complainants); // the survivor's own complainant is not added to it again
        Assert.Equal(CaseStatus.Forwarded, mergedIn.ToStatus);
        Assert.Equal((CaseStatus.Merged, CaseStatus.Forwarded), (source.Status, target.Status));
    }

    [Theory]
    [InlineData(CaseStatus.Received, CaseStatus.Merged, CommandOutcome.Conflict, "merge into the case that answers")]
    [InlineData(CaseStatus.Received, CaseStatus.Withdrawn, CommandOutcome.Conflict, "merge into the case that answers")]
    [InlineData(CaseStatus.Resolved, CaseStatus.Received, CommandOutcome.Conflict, "cannot be merged")]
    [InlineData(CaseStatus.Merged, CaseStatus.Received, CommandOutcome.Conflict, "cannot be merged")]
    public void MergeInto_IsRefused_WhereTheLifecycleForbidsIt(CaseStatus from, CaseStatus into, CommandOutcome outcome, string why)
    {
        var source = New(from, id: 7);

        var decision = source.MergeInto(New(into, id: 9), [], "dup", "agent1", Later);

        Assert.Equal(outcome, decision.Result.Outcome);
        Assert.Contains(why, decision.Result.Error, StringComparison.Ordinal);
        Assert.Equal(from, source.Status);
    }

    [Fact]
    public void MergeInto_Itself_OrWithoutAReason_IsInvalid()
    {
        var kase = New();

        Assert.Equal("A case cannot be merged into itself.", kase.MergeInto(kase, [], "dup", "agent1", Later).Result.Error);
        Assert.Equal("Merging needs a reason.", kase.MergeInto(New(id: 9), [], " ", "agent1", Later).Result.Error);
    }

    [Fact]
    public void Reply_GoesToTheOpener_AndToEveryCoComplainant_OnTheirOwnChannel()
    {
        var kase = New(CaseStatus.Forwarded, channel: Channel.Email);
        PartyHandle[] parties = [new(71, "phone", "+8613800000071"), new(71, "email", "a@example.cn"), new(72, "phone", "+8613800000072")];

        var decision = kase.Reply("已处理", [], "c@example.cn", parties, "agent1", Later);

        Assert.Equal([new ReplyDelivery("email", "c@example.cn"), new ReplyDelivery("email", "a@example.cn"), new ReplyDelivery("sms", "+8613800000072")],
            decision.Deliveries);
        Assert.Equal([DeadlineKind.MajorFirstAnswer], decision.Clocks.Met); // the major case's first answer (4.1.2)
        Assert.Equal((CaseMessageDirections.Outbound, "已处理"), (decision.Message!.Direction, decision.Message.Text));
        Assert.Equal(("reply.queued", "email"), (decision.Change!.AuditAction, Assert.IsType<CaseReplied>(decision.Change).Channel));
        Assert.Equal(CaseStatus.Forwarded, kase.Status);
    }

    [Fact]
    public void Reply_IsRefused_ForAWithdrawnCase_AndWithoutText()
    {
        Assert.Equal(CommandOutcome.Conflict, New(CaseStatus.Withdrawn).Reply("hi", [], null, [], "agent1", Later).Result.Outcome);
        Assert.Equal(CommandOutcome.Invalid, New().Reply(" ", [], null, [], "agent1", Later).Result.Outcome);
        Assert.Equal(CommandOutcome.Invalid, New().Reply(new string('x', 20_001), Array.Empty<Attachment>(), null, [], "agent1", Later).Result.Outcome);
    }

    [Fact]
    public void Reply_WithoutAnAddressOnTheChannel_IsStillQueued_ForTheOutboxToReport()
    {
        var decision = New().Reply("hi", [], null, [], "agent1", Later);

        Assert.Equal([new ReplyDelivery("sms", "")], decision.Deliveries);
    }

    [Theory]
    [InlineData(CaseStatus.Received)]
    [InlineData(CaseStatus.Forwarded)]
    [InlineData(CaseStatus.Answered)]
    public void Withdraw_AnOpenCase_KeepsItsRecord_AndCancelsEveryClock(CaseStatus from)
    {
        var kase = New(from);

        var decision = kase.Withdraw("  问题已自行解决  ", "agent1", Later);

        var withdrawn = Assert.IsType<CaseWithdrawn>(decision.Change);
        Assert.Equal((from, "问题已自行解决", "case.withdrawn"), (withdrawn.FromStatus, withdrawn.Reason, withdrawn.AuditAction));
        Assert.Equal(DeadlineKinds.All, decision.Clocks.Cancelled);
        Assert.Equal(CaseStatus.Withdrawn, kase.Status);
    }

    [Theory]
    [InlineData(CaseStatus.Resolved)]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Withdrawn)]
    [InlineData(CaseStatus.Merged)]
    public void Withdraw_IsRefused_OnceTheCaseIsHandled(CaseStatus from)
    {
        var kase = New(from);

        var decision = kase.Withdraw("reason", "agent1", Later);

        Assert.Equal(CommandOutcome.Conflict, decision.Result.Outcome);
        Assert.Equal(from, kase.Status);
    }

    [Fact]
    public void Withdraw_NeedsTheComplainantsReason()
    {
        Assert.Equal(CommandOutcome.Invalid, New().Withdraw(" ", "agent1", Later).Result.Outcome);
        Assert.Equal(CommandOutcome.Invalid, New().Withdraw(new string('x', 1001), "agent1", Later).Result.Outcome);
    }
}
