using System.Collections.Concurrent;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Outbound;
using OmniIntake.Data;
using OmniIntake.Data.Cases;

namespace OmniIntake.Server.Tests.Outbox;

public sealed class OutboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Outbox:RetryBase"] = "00:00:00.300", ["Outbox:PollInterval"] = "00:00:00.200", ["Outbox:MaxAttempts"] = "3",
    };

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task Reply_OnAHandChannel_IsMarkedForManualDelivery_NotDropped(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider, FastRetries);
        using var agent = await host.ClientAsync(Roles.Agent);
        var registered = await agent.RegisterAsync("电话投诉");

        (await agent.PostAsJsonAsync($"/api/cases/{registered.CaseId}/reply", new { text = "您好，已登记" }, Ct)).EnsureSuccessStatusCode();

        var detail = await DeliveredAsync(agent, registered.Number, "manual");
        Assert.Contains(detail.Audit, a => a.Action == "reply.manual" && a.Detail.Contains("by hand", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_IsRetriedWithBackoff_UntilTheSenderAccepts()
    {
        var sender = new FlakySender(failures: 2);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, FastRetries, s => s.AddSingleton<IChannelSender>(sender));
        using var agent = await host.ClientAsync(Roles.Agent);
        var registered = await RegisterApiCaseAsync(agent);

        (await agent.PostAsJsonAsync($"/api/cases/{registered.CaseId}/reply", new { text = "reply through the api channel" }, Ct)).EnsureSuccessStatusCode();

        var detail = await DeliveredAsync(agent, registered.Number, "sent");
        Assert.Equal(3, sender.Attempts.Count);
        Assert.Equal([1, 2, 3], sender.Attempts.Select(a => a.Attempt));
        Assert.All(sender.Attempts, a => Assert.Equal(registered.Number, a.CaseNumber));
        Assert.Equal(2, detail.Audit.Count(a => a.Action == "reply.retrying"));
        Assert.Equal("provider-3", detail.Messages.Single(m => m.Direction == "outbound").ExternalId);
    }

    [Fact]
    public async Task Reply_ThatKeepsFailing_EndsVisiblyFailed()
    {
        var sender = new FlakySender(failures: 100);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, FastRetries, s => s.AddSingleton<IChannelSender>(sender));
        using var agent = await host.ClientAsync(Roles.Agent);
        var registered = await RegisterApiCaseAsync(agent);

        (await agent.PostAsJsonAsync($"/api/cases/{registered.CaseId}/reply", new { text = "never arrives" }, Ct)).EnsureSuccessStatusCode();

        var detail = await DeliveredAsync(agent, registered.Number, "failed");
        Assert.Equal(3, sender.Attempts.Count);
        Assert.Contains(detail.Audit, a => a.Action == "reply.failed" && a.Detail.Contains("Gave up after 3 attempts", StringComparison.Ordinal));
    }

    private static Task<Server.Cases.RegisteredCase> RegisterApiCaseAsync(HttpClient agent) =>
        agent.RegisterAsync(new { channel = "api", text = "from an integration", email = "someone@example.test" });

    private static Task<CaseDetail> DeliveredAsync(HttpClient agent, string number, string status) =>
        TestCalls.WithinAsync(TimeSpan.FromSeconds(15), async () =>
        {
            var detail = await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}");
            return detail!.Messages.Any(m => m.Direction == "outbound" && m.DeliveryStatus == status) ? detail : null;
        }, $"the reply on {number} to become {status}");

    private sealed class FlakySender(int failures) : IChannelSender
    {
        public ConcurrentQueue<OutboundMessage> Attempts { get; } = new();

        public Channel Channel => Channel.Api;

        public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            Attempts.Enqueue(message);
            return Task.FromResult(Attempts.Count <= failures
                ? SendResult.Retry($"HTTP 503 on attempt {message.Attempt}")
                : SendResult.Sent($"provider-{message.Attempt}"));
        }
    }
}
