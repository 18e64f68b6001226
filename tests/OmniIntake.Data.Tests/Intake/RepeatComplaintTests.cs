using OmniIntake.Core.Intake;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Intake;

/// <summary>Policy 5.5: a complainant who complains again after their case was handled opens an important case.</summary>
public sealed class RepeatComplaintTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheSameComplainant_AfterHandling_OpensAnImportantCase(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var first = await h.Intake.AcceptAsync(h.Email("c@example.test", "Heating", "no heating"), Ct);
        Assert.True((await h.Commands.ResolveAsync(first.CaseId, "agent1", "fixed", Ct)).IsDone);

        var again = await h.Intake.AcceptAsync(h.Email("c@example.test", $"Re: {first.CaseNumber}", "broken again"), Ct);

        Assert.Equal(IntakeOutcome.NewCase, again.Outcome);
        var detail = (await h.Queries.GetAsync(again.CaseNumber, Ct))!;
        Assert.Equal("important", detail.Case.Class);
        var classified = Assert.Single(detail.Audit, a => a.Action == "case.classified");
        Assert.Contains("policy 5.5: important", classified.Detail, StringComparison.Ordinal);
        Assert.Equal("general", (await h.Queries.GetAsync(first.CaseNumber, Ct))!.Case.Class);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task SomeoneElse_NamingAHandledCase_OrAComplainantWithAnOpenOne_IsNotARepeat(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var first = await h.Intake.AcceptAsync(h.Email("c@example.test", "Heating", "no heating"), Ct);
        var open = await h.Intake.AcceptAsync(h.Email("d@example.test", "Noise", "noise at night"), Ct);
        Assert.True((await h.Commands.ResolveAsync(first.CaseId, "agent1", "fixed", Ct)).IsDone);

        var stranger = await h.Intake.AcceptAsync(h.Email("other@example.test", $"About {first.CaseNumber}", "me too"), Ct);
        var threaded = await h.Intake.AcceptAsync(h.Email("d@example.test", $"Re: {open.CaseNumber}", "still noisy"), Ct);

        Assert.Equal(IntakeOutcome.NewCase, stranger.Outcome);
        Assert.Equal("general", (await h.Queries.GetAsync(stranger.CaseNumber, Ct))!.Case.Class);
        Assert.Equal((IntakeOutcome.Threaded, open.CaseId), (threaded.Outcome, threaded.CaseId));
        Assert.Equal("general", (await h.Queries.GetAsync(open.CaseNumber, Ct))!.Case.Class);
    }
}
