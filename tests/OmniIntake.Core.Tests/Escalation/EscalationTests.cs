using OmniIntake.Core.Accounts;
using OmniIntake.Core.Assignment;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Escalation;

namespace OmniIntake.Core.Tests.Escalation;

/// <summary>Escalation on breach and at risk (issue 13 item 5): the rules as configured, and what the aggregate decides, without a database.</summary>
public sealed class EscalationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Assignee Lead = new("lead", "组长 李", [Roles.Supervisor]);

    private static Case Forwarded(CaseClass caseClass = CaseClass.General, CaseStatus status = CaseStatus.Forwarded) =>
        new(7, "TS-20261202-00007", status, Channel.Sms, 3, Now.AddHours(-5)) { Class = caseClass };

    private static EscalationRule Rule(bool raise = true, string? assignTo = "lead", EscalationPhase on = EscalationPhase.Breach) =>
        new(DeadlineKind.OwnerAnswer, on, Notify: true, RaiseClass: raise, AssignTo: assignTo);

    [Theory]
    [InlineData(CaseClass.General, false, CaseClass.Important)]
    [InlineData(CaseClass.Important, false, CaseClass.Important)]
    [InlineData(CaseClass.Hot, false, CaseClass.Hot)]
    [InlineData(CaseClass.Major, false, CaseClass.Major)]
    [InlineData(CaseClass.General, true, CaseClass.General)]
    public void RaiseClass_MakesGeneralImportant_NeverLowers_AndLeavesAPersonsChoice(CaseClass from, bool byHand, CaseClass expected)
    {
        var kase = Forwarded(from);
        var decision = kase.Escalate(Rule(assignTo: null), DeadlineKind.OwnerAnswer, holder: null, supervisor: null, classByHand: byHand, Now);
        Assert.Equal(expected, decision.ClassAfter);
        Assert.Equal(expected, kase.Class);
        Assert.Equal(expected != from, decision.Raise is not null);
        Assert.Null(decision.Assigned);
        Assert.Null(decision.AssignRefusedCode);
    }

    [Fact]
    public void ARuleThatDoesNotRaise_LeavesTheClass()
    {
        var decision = Forwarded().Escalate(Rule(raise: false, assignTo: null), DeadlineKind.OwnerAnswer, null, null, false, Now);
        Assert.Null(decision.Raise);
        Assert.Equal(CaseClass.General, decision.ClassAfter);
    }

    public static TheoryData<string, Assignee?, string?> Supervisors => new()
    {
        { "a supervisor", Lead, null },
        { "no such user", null, EscalationCodes.SupervisorUnknown },
        { "an agent", new Assignee("lead", "李", [Roles.Agent]), EscalationCodes.NotASupervisor },
        { "an admin only", new Assignee("lead", "李", [Roles.Admin]), EscalationCodes.NotASupervisor },
        { "a switched-off account", new Assignee("lead", "李", []), EscalationCodes.SupervisorInactive },
    };

    [Theory]
    [MemberData(nameof(Supervisors))]
    public void AssignTo_GivesTheCaseToTheNamedSupervisor_OrRefusesWithACode(string who, Assignee? supervisor, string? code)
    {
        var decision = Forwarded().Escalate(Rule(), DeadlineKind.OwnerAnswer, holder: "agent-wang", supervisor, classByHand: false, Now);
        Assert.Equal(code, decision.AssignRefusedCode);
        if (code is null)
        {
            Assert.NotNull(decision.Assigned);
            Assert.Equal(("agent-wang", "lead", "system", true), (decision.Assigned!.From, decision.Assigned.To, decision.Assigned.Actor, decision.Assigned.Automatic));
            Assert.Equal("case.reassigned", decision.Assigned.AuditAction);
        }
        else Assert.Null(decision.Assigned);
        // A refused assignment never stops the rest of the escalation (who: the row's name in the test output).
        Assert.True(decision.Raise is not null, who);
    }

    [Fact]
    public void AssignTo_TheSupervisorWhoHoldsItAlready_ChangesNothing()
    {
        var decision = Forwarded().Escalate(Rule(raise: false), DeadlineKind.OwnerAnswer, holder: "lead", Lead, false, Now);
        Assert.Null(decision.Assigned);
        Assert.Null(decision.AssignRefusedCode);
    }

    [Theory]
    [InlineData(CaseStatus.Resolved)]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Withdrawn)]
    public void AHandledCase_IsNotAssigned(CaseStatus status)
    {
        var decision = Forwarded(status: status).Escalate(Rule(raise: false), DeadlineKind.OwnerAnswer, null, Lead, false, Now);
        Assert.Null(decision.Assigned);
    }

    [Fact]
    public void ARuleOfAnotherClock_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => Forwarded().Escalate(Rule(), DeadlineKind.Forward, null, Lead, false, Now));
    }

    [Fact]
    public void Unconfigured_EveryBreachNotifies_AndNoWarningDoesAnything()
    {
        var (rules, errors) = EscalationRules.Parse(null);
        Assert.Empty(errors);
        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            Assert.Equal(new EscalationRule(kind, EscalationPhase.Breach, true, false, null), rules.For(kind, EscalationPhase.Breach));
            Assert.Null(rules.For(kind, EscalationPhase.AtRisk));
        }
    }

    [Fact]
    public void Configured_ReplacesThatClockAndPhase_AndKeepsTheDefaultsOfTheOthers()
    {
        var (rules, errors) = EscalationRules.Parse(
        [
            new EscalationRuleSetting { Clock = "ownerAnswer", On = "breach", RaiseClass = true, AssignTo = " Lead " },
            new EscalationRuleSetting { Clock = "forward", On = "atRisk", Notify = true },
        ]);
        Assert.Empty(errors);
        Assert.Equal(new EscalationRule(DeadlineKind.OwnerAnswer, EscalationPhase.Breach, false, true, "lead"), rules.For(DeadlineKind.OwnerAnswer, EscalationPhase.Breach));
        Assert.Equal(new EscalationRule(DeadlineKind.Forward, EscalationPhase.AtRisk, true, false, null), rules.For(DeadlineKind.Forward, EscalationPhase.AtRisk));
        Assert.True(rules.For(DeadlineKind.Forward, EscalationPhase.Breach)!.Notify);
        Assert.Null(rules.For(DeadlineKind.OwnerAnswer, EscalationPhase.AtRisk));
    }

    [Theory]
    [InlineData("owner", "breach", "Escalation:Rules:0:Clock 'owner' is not a clock")]
    [InlineData("1", "breach", "Escalation:Rules:0:Clock '1' is not a clock")]
    [InlineData("forward", "late", "Escalation:Rules:0:On 'late' must be atRisk or breach")]
    public void AWrongClockOrPhase_IsAnErrorThatNamesIt(string clock, string on, string expected)
    {
        var (_, errors) = EscalationRules.Parse([new EscalationRuleSetting { Clock = clock, On = on, Notify = true }]);
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void TwoRulesForOneClockAndPhase_AreAnError()
    {
        var (_, errors) = EscalationRules.Parse(
        [
            new EscalationRuleSetting { Clock = "forward", On = "breach", Notify = true },
            new EscalationRuleSetting { Clock = "Forward", On = "breached", RaiseClass = true },
        ]);
        Assert.Equal(["Escalation:Rules:1: a second rule for forward breach (one rule per clock and phase)."], errors);
    }

    [Fact]
    public void TheRuleInWords_SaysWhatItDoes()
    {
        Assert.Equal("ownerAnswer breach: notify supervisors, raise general to important, assign to lead", Rule().Describe());
        Assert.Equal("forward atRisk: record only", new EscalationRule(DeadlineKind.Forward, EscalationPhase.AtRisk, false, false, null).Describe());
    }
}
