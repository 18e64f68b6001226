using OmniIntake.Core.Intake;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Intake;

public sealed class DedupeTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Message_DeliveredTwice_IsStoredOnce(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var message = h.Sms("+8613800138000", "小区电梯坏了三天", id: "SM-1");

        var first = await h.Intake.AcceptAsync(message, TestContext.Current.CancellationToken);
        var second = await h.Intake.AcceptAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(IntakeOutcome.NewCase, first.Outcome);
        Assert.Equal(IntakeOutcome.Duplicate, second.Outcome);
        Assert.Equal(first.CaseNumber, second.CaseNumber);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(1, await h.CountAsync("messages"));
        Assert.Equal(1, await h.CountAsync("cases"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Message_DeliveredConcurrently_IsStoredOnce(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var message = h.Sms("+8613800138001", "same delivery, many times", id: "SM-race");

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => h.Intake.AcceptAsync(message))));

        Assert.Single(results.Select(r => r.CaseNumber).Distinct());
        Assert.Equal(1, results.Count(r => r.Outcome == IntakeOutcome.NewCase));
        Assert.Equal(1, await h.CountAsync("messages"));
        Assert.Equal(1, await h.CountAsync("cases"));
        Assert.Equal(1, await h.CountAsync("contacts"));
        Assert.Equal(1, await h.CountAsync("deadlines"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task SameExternalId_OnAnotherChannel_IsAnotherMessage(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var sms = h.Sms("+8613800138002", "first", id: "X-1");
        var chat = sms with { Channel = Core.Cases.Channel.Chat };

        await h.Intake.AcceptAsync(sms, TestContext.Current.CancellationToken);
        var second = await h.Intake.AcceptAsync(chat, TestContext.Current.CancellationToken);

        Assert.NotEqual(IntakeOutcome.Duplicate, second.Outcome);
        Assert.Equal(2, await h.CountAsync("messages"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task InvalidMessage_IsRefusedWithEveryReason_AndWritesNothing(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var bad = h.Sms("+8613800138003", "", id: "") with { Subject = new string('s', 2000) };

        var ex = await Assert.ThrowsAsync<InvalidInboundMessageException>(() => h.Intake.AcceptAsync(bad, TestContext.Current.CancellationToken));

        Assert.Contains(ex.Errors, e => e.Contains("externalId", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("needs text", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("subject", StringComparison.Ordinal));
        Assert.Equal(0, await h.CountAsync("cases"));
        Assert.Equal(0, await h.CountAsync("contacts"));
    }
}
