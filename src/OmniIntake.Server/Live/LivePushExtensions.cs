using OmniIntake.Core.Events;
using OmniIntake.Data;
using OmniIntake.Data.Events;

namespace OmniIntake.Server.Live;

public static class LivePushExtensions
{
    public static void AddLivePush(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LiveOptions.Section).Get<LiveOptions>() ?? new LiveOptions();
        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > TimeSpan.FromMinutes(1))
            throw new InvalidOperationException($"Live:PollInterval must be between 0 and 1 minute (got '{options.PollInterval}').");
        if (options.LeaderLease < TimeSpan.FromSeconds(1))
            throw new InvalidOperationException($"Live:LeaderLease must be at least 1 second (got '{options.LeaderLease}').");
        if (options.PushBatchSize is < 1 or > 500)
            throw new InvalidOperationException($"Live:PushBatchSize must be 1-500 (got {options.PushBatchSize}).");
        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
            throw new InvalidOperationException(
                $"Live:RetryDelay must be positive and Live:MaxRetryDelay at least as long (got '{options.RetryDelay}' and '{options.MaxRetryDelay}').");
        builder.Services.AddSingleton(options);
        var signalR = builder.Services.AddSignalR();
        if (options.Redis is { Length: > 0 } redis)
        {
            // The backplane: a message to agents (or to a chat widget) reaches clients connected to any process.
            var multiplexer = StackExchange.Redis.ConnectionMultiplexer.Connect(redis + ",abortConnect=false");
            builder.Services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(multiplexer);
            signalR.AddStackExchangeRedis(o =>
            {
                o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal(options.RedisChannelPrefix);
                o.ConnectionFactory = _ => Task.FromResult<StackExchange.Redis.IConnectionMultiplexer>(multiplexer);
            });
            builder.Services.AddHostedService<RedisWake>();
        }
        else if (builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider == DatabaseProvider.Postgres)
        {
            // Several processes on one PostgreSQL without Redis: each wakes on the others' positions (LISTEN/NOTIFY).
            // Embedded SQLite is one process; with Redis, RedisWake already wakes the one process that pushes.
            builder.Services.AddSingleton<PositionListener>();
            builder.Services.AddSingleton<PostgresWake>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresWake>());
        }
        builder.Services.AddSingleton<EventLogSignal>();
        builder.Services.AddSingleton<IEventLogSignal>(sp => sp.GetRequiredService<EventLogSignal>());
        builder.Services.AddSingleton<OwnerFeed>();
        builder.Services.AddHostedService<EventDispatcher>();
    }

    public static void MapLivePush(this IEndpointRouteBuilder app)
    {
        app.MapHub<AgentHub>(AgentHub.Path);
        app.MapHub<OwnerHub>(OwnerHub.Path);
    }
}
