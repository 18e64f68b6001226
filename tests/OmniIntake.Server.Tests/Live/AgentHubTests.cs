using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Events;
using OmniIntake.Data;
using OmniIntake.Server.Live;

namespace OmniIntake.Server.Tests.Live;

public sealed class AgentHubTests
{
    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task NewCase_IsPushedToConnectedAgents(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        var pushed = new ConcurrentQueue<CaseEvent>();
        await using var hub = await host.AgentHubAsync();
        hub.On<CaseEvent>(AgentHub.EventMethod, pushed.Enqueue);
        await hub.StartAsync(TestContext.Current.CancellationToken);
        using var agent = await host.ClientAsync(Roles.Agent);

        var registered = await agent.RegisterAsync("物业费乱收");

        var opened = await TestCalls.WithinAsync(TimeSpan.FromSeconds(10),
            () => Task.FromResult(pushed.FirstOrDefault(e => e.CaseNumber == registered.Number)), "the case.opened push");
        Assert.Equal(CaseEventKinds.CaseOpened, opened.Kind);
        Assert.Contains("物业费乱收", opened.Data, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task ReconnectingAgent_CatchesUpOnEverythingItMissed(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        var seen = new ConcurrentDictionary<long, CaseEvent>();

        var hub = await host.AgentHubAsync();
        hub.On<CaseEvent>(AgentHub.EventMethod, e => seen[e.Position] = e);
        await hub.StartAsync(TestContext.Current.CancellationToken);
        var first = await agent.RegisterAsync("first complaint", phone: "13800138001");
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(seen.Values.FirstOrDefault(e => e.CaseNumber == first.Number)), "first push");
        var lastSeen = seen.Keys.Max();
        await hub.DisposeAsync(); // the network drops

        var missed = new List<string>();
        for (var i = 0; i < 3; i++) missed.Add((await agent.RegisterAsync($"while offline {i}", phone: $"1380013801{i}")).Number);

        await using var again = await host.AgentHubAsync();
        var live = new ConcurrentQueue<CaseEvent>();
        again.On<CaseEvent>(AgentHub.EventMethod, live.Enqueue);
        await again.StartAsync(TestContext.Current.CancellationToken);
        var caughtUp = new List<CaseEvent>();
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(10), async () =>
        {
            // Missed events are positioned shortly after their commit; catch up until all three are there.
            var page = await again.InvokeAsync<CatchUpPage>("CatchUp", caughtUp.Count > 0 ? caughtUp[^1].Position : lastSeen);
            caughtUp.AddRange(page.Events);
            return caughtUp.Count(e => e.Kind == CaseEventKinds.CaseOpened) >= 3 ? caughtUp : null;
        }, "catch-up of the missed cases");

        Assert.Equal(missed, caughtUp.Where(e => e.Kind == CaseEventKinds.CaseOpened).Select(e => e.CaseNumber));
        Assert.Equal(Enumerable.Range(1, caughtUp.Count).Select(i => lastSeen + i), caughtUp.Select(e => e.Position));
    }

    [Fact]
    public async Task AnonymousCaller_CannotConnect()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Anonymous().BaseAddress!, AgentHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => ((Microsoft.AspNetCore.TestHost.TestServer)host.Services
                    .GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer))!).CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            }).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task ACustomersChatToken_CannotOpenTheAgentHub_AndAnAgentCannotCallAnAdminsMethod()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        await using var chat = host.ChatHub();
        await chat.StartAsync(TestContext.Current.CancellationToken);
        var token = (await chat.InvokeAsync<OmniIntake.Channels.WebChat.Hub.ChatSession>("Start", "zh-CN", TestContext.Current.CancellationToken)).Token;
        await using var asCustomer = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Anonymous().BaseAddress!, AgentHub.Path + "?access_token=" + Uri.EscapeDataString(token)), o =>
            {
                o.HttpMessageHandlerFactory = _ => ((Microsoft.AspNetCore.TestHost.TestServer)host.Services
                    .GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer))!).CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.Headers["Authorization"] = "Bearer " + token;
            }).Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => asCustomer.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);

        await using var agent = await host.AgentHubAsync(Roles.Agent);
        await agent.StartAsync(TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => agent.InvokeAsync("Ping", "x", TestContext.Current.CancellationToken));
        await using var admin = await host.AgentHubAsync(Roles.Admin);
        var pinged = new TaskCompletionSource<string>();
        admin.On<string>(AgentHub.PingMethod, p => pinged.TrySetResult(p));
        await admin.StartAsync(TestContext.Current.CancellationToken);
        await admin.InvokeAsync("Ping", "hello", TestContext.Current.CancellationToken);
        Assert.Equal("hello", await pinged.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
    }
}
