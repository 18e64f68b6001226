using StackExchange.Redis;

namespace OmniIntake.Server.Live;

/// <summary>
/// With Redis configured ("Live:Redis"), server processes tell each other at once that events were committed, so the
/// dispatching process pushes them without waiting for its next poll of the event log.
/// </summary>
public sealed class RedisWake(IConnectionMultiplexer redis, EventLogSignal signal, LiveOptions options, ILogger<RedisWake> logger) : IHostedService
{
    private readonly RedisChannel _channel = RedisChannel.Literal(options.RedisChannelPrefix + ":events-committed");
    private readonly string _me = Guid.NewGuid().ToString("N");
    private ISubscriber? _subscriber;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriber = redis.GetSubscriber();
        await _subscriber.SubscribeAsync(_channel, (_, from) =>
        {
            if (from != _me) signal.Wake();
        });
        signal.CommittedHere += Publish;
    }

    private void Publish()
    {
        // Fire and forget: a lost wake-up costs one poll interval, never an event (the log is the truth).
        _ = _subscriber?.PublishAsync(_channel, _me, CommandFlags.FireAndForget).ContinueWith(
            t => logger.LogDebug(t.Exception, "Redis wake-up not published."), TaskContinuationOptions.OnlyOnFaulted);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        signal.CommittedHere -= Publish;
        if (_subscriber is not null) await _subscriber.UnsubscribeAsync(_channel);
    }
}
