using OmniIntake.Core.Cases;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Tests.Policy;

/// <summary>Policy 5.5's automatic raising, rule by rule, as tables.</summary>
public sealed class ClassRaisingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(0, null)]
    [InlineData(6.99, null)]
    [InlineData(7, CaseClass.Hot)]      // a week unresolved: hot
    [InlineData(29.99, CaseClass.Hot)]
    [InlineData(30, CaseClass.Major)]   // a month unresolved: major
    [InlineData(400, CaseClass.Major)]
    public void RaiseByAge_HotAfterAWeek_MajorAfterAMonth(double daysOld, CaseClass? expected)
    {
        var raise = RaiseByAge.Default.For(Now - TimeSpan.FromDays(daysOld), Now);

        Assert.Equal(expected, raise?.To);
        if (raise is not null) Assert.EndsWith($"(policy 5.5: {raise.To.ToName()})", raise.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RaiseByAge_NamesTheCandidatesCutOffs_AndRefusesNonsense()
    {
        Assert.Equal(Now - TimeSpan.FromDays(7), RaiseByAge.Default.HotIfReceivedBy(Now));
        Assert.Equal(Now - TimeSpan.FromDays(30), RaiseByAge.Default.MajorIfReceivedBy(Now));
        Assert.Equal("unresolved 14 days after receipt (policy 5.5: hot)",
            new RaiseByAge(TimeSpan.FromDays(14), TimeSpan.FromDays(60)).For(Now - TimeSpan.FromDays(20), Now)!.Reason);
        Assert.Throws<ArgumentException>(() => new RaiseByAge(TimeSpan.FromDays(30), TimeSpan.FromDays(7)));
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, null)]
    [InlineData(3, CaseClass.Hot)]     // a collective complaint by 3+: hot
    [InlineData(9, CaseClass.Hot)]
    [InlineData(10, CaseClass.Major)]  // by 10+: major
    [InlineData(250, CaseClass.Major)]
    public void RaiseByCollectiveSize_HotFromThree_MajorFromTen(int complainants, CaseClass? expected)
    {
        var raise = RaiseByCollectiveSize.Default.For(complainants);

        Assert.Equal(expected, raise?.To);
        if (raise is not null)
            Assert.Equal($"collective complaint by {complainants} complainants (policy 5.5: {raise.To.ToName()})", raise.Reason);
    }

    [Fact]
    public void RaiseByCollectiveSize_RefusesAMajorBelowTheHot() =>
        Assert.Throws<ArgumentException>(() => new RaiseByCollectiveSize(5, 5));

    [Theory]
    // contacts and days before the new complaint (0 is the new one); expected raise and how many are in the window
    [InlineData(new long[] { 1, 2 }, new double[] { 0, 3 }, null, 2)]
    [InlineData(new long[] { 1, 2, 3 }, new double[] { 0, 3, 29 }, CaseClass.Hot, 3)]          // three people within a month
    [InlineData(new long[] { 1, 2, 2 }, new double[] { 0, 3, 4 }, null, 3)]                     // the same person twice counts once
    [InlineData(new long[] { 1, 2, 3 }, new double[] { 0, 3, 31 }, null, 2)]                    // the third is older than a month
    [InlineData(new long[] { 1, 2, 3, 4 }, new double[] { 0, 1, 2, 45 }, CaseClass.Hot, 3)]     // the old one is not raised
    public void SameComplaintFromMany_ThreeComplainantsWithinAMonth_AreHot(long[] contacts, double[] daysBefore, CaseClass? expected, int inWindow)
    {
        var group = contacts.Select((contact, i) => new SimilarComplaint(i + 1, $"TS-{i + 1}", contact, Now - TimeSpan.FromDays(daysBefore[i]))).ToList();

        var decision = SameComplaintFromMany.Default.Decide(Now, group);

        Assert.Equal(expected, decision.Raise?.To);
        Assert.Equal(inWindow, decision.Window.Count);
        if (decision.Raise is not null) Assert.Contains("within 30 days", decision.Raise.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SameComplaintFromMany_AnOutage_NamesItsFirstComplaintsAndCountsTheRest()
    {
        // An outage: 2,000 people within the month; the reason goes to every raised case's history and to supervisors.
        var group = Enumerable.Range(1, 2000).Select(i => new SimilarComplaint(i, $"TS-{i:D4}", i, Now - TimeSpan.FromMinutes(2001 - i))).ToList();

        var reason = SameComplaintFromMany.Default.Decide(Now, group).Raise!.Reason;

        Assert.Equal("the same complaint from 2000 complainants within 30 days (TS-0001, TS-0002, TS-0003, TS-0004, TS-0005 and 1,995 more; policy 5.5: hot)",
            reason);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(CaseStatus.Received, null)]
    [InlineData(CaseStatus.Forwarded, null)]
    [InlineData(CaseStatus.Withdrawn, null)]
    [InlineData(CaseStatus.Resolved, CaseClass.Important)]  // complained again after handling
    [InlineData(CaseStatus.Closed, CaseClass.Important)]
    public void RepeatComplaintAfterHandling_IsImportant(CaseStatus? earlier, CaseClass? expected) =>
        Assert.Equal(expected, RepeatComplaintAfterHandling.For(earlier)?.To);
}
