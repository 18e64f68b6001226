using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using OmniIntake.Core.Resilience;

namespace OmniIntake.Server.Accounts;

/// <summary>
/// A staff member's open live connection follows the account as a request does (<see cref="SessionCheck"/>): once the
/// account is switched off, or its roles or department changed, the connection is closed, so a switched-off agent stops
/// hearing case events and an owner moved to another department stops hearing the old one's (the live groups were
/// chosen at connect time). The browser's client reconnects with its refreshed session and joins the right groups
/// again, or is refused. Changes made through this process are applied at once, others within <see cref="SessionCheck.Freshness"/>.
/// </summary>
public sealed class LiveSessions(SessionCheck sessions)
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();

    public int Count => _open.Count;

    public void Opened(HubCallerContext context)
    {
        if (UserId(context.User) is not null) _open[context.ConnectionId] = context;
    }

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    /// <summary>Closes the connections whose account no longer says what they were opened with; all accounts, or one.</summary>
    /// <returns>How many connections were closed.</returns>
    public async Task<int> CheckAsync(long? onlyAccount, CancellationToken cancellationToken)
    {
        var closed = 0;
        foreach (var group in _open.Values.GroupBy(c => UserId(c.User)))
        {
            if (group.Key is not { } id || (onlyAccount is { } only && only != id)) continue;
            var account = await sessions.CurrentAsync(id, cancellationToken);
            foreach (var connection in group)
            {
                if (account is not null && account.DisabledAt is null && AccountPrincipal.Matches(connection.User!, account)) continue;
                connection.Abort();
                Closed(connection.ConnectionId);
                closed++;
            }
        }
        return closed;
    }

    private static long? UserId(ClaimsPrincipal? user) =>
        long.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>Tracks every signed-in hub connection for <see cref="LiveSessions"/> (a customer's chat carries no account and is not tracked).</summary>
public sealed class LiveSessionsFilter(LiveSessions sessions) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        sessions.Opened(context.Context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        sessions.Closed(context.Context.ConnectionId);
        await next(context, exception);
    }
}

/// <summary>Checks the open live connections as often as a request's session is re-read, so a change made on another node reaches them too.</summary>
public sealed class LiveSessionsSweep(LiveSessions sessions, ILogger<LiveSessionsSweep> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new ResilientLoop("Live session check", logger).RunAsync(async ct =>
        {
            await Task.Delay(SessionCheck.Freshness, ct);
            var closed = await sessions.CheckAsync(null, ct);
            if (closed > 0) logger.LogInformation("Closed {Count} live connections whose account was switched off or changed.", closed);
        }, stoppingToken);
}
