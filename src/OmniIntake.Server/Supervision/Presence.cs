using OmniIntake.Core.Resilience;
using OmniIntake.Data.Accounts;

namespace OmniIntake.Server.Supervision;

/// <summary>
/// Who has the console open, across server processes: the agent hub reports its connections, and this process
/// refreshes its own every 30 seconds (a process that dies stops refreshing and its rows age out).
/// </summary>
public sealed class Presence(PresenceStore store, ILogger<Presence> logger) : BackgroundService
{
    private readonly string _node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public Task ConnectedAsync(string connectionId, string user) => store.ConnectedAsync(connectionId, user, _node);

    public Task DisconnectedAsync(string connectionId) => store.DisconnectedAsync(connectionId);

    public Task<IReadOnlyList<OmniIntake.Data.Accounts.OnlinePerson>> OnlinePeopleAsync(CancellationToken cancellationToken) => store.OnlinePeopleAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Issue 12: a failed refresh is retried after a back-off; it never stops the host.
        await new ResilientLoop("Presence refresh", logger, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)).RunAsync(async ct =>
        {
            await store.RefreshAsync(_node, ct);
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
        }, stoppingToken);
    }
}
