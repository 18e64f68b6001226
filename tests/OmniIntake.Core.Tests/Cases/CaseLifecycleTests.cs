using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Tests.Cases;

public sealed class CaseLifecycleTests
{
    [Theory]
    [InlineData(CaseStatus.Received, CaseStatus.Forwarded, true)]
    [InlineData(CaseStatus.Forwarded, CaseStatus.Forwarded, true)] // re-dispatch to another department
    [InlineData(CaseStatus.Forwarded, CaseStatus.Answered, true)]
    [InlineData(CaseStatus.Resolved, CaseStatus.Received, true)]   // reopened
    [InlineData(CaseStatus.Received, CaseStatus.Closed, false)]
    [InlineData(CaseStatus.Withdrawn, CaseStatus.Received, false)] // a withdrawn complaint keeps its record
    public void Moves_FollowTheLifecycle(CaseStatus from, CaseStatus to, bool allowed) =>
        Assert.Equal(allowed, CaseLifecycle.CanMove(from, to));

    [Fact]
    public void OnlyUnhandledCases_AreOpenForThreading() =>
        Assert.Equal(["received", "forwarded", "answered"], CaseLifecycle.OpenNames);
}
