using OmniIntake.Core.Resilience;
using StackExchange.Redis;

namespace OmniIntake.Server.Live;

/// <summary>
/// With Redis configured ("Live:Redis"), server processes tell each other at once that events were positioned (the
/// committing process positions its own at once), so the dispatching process reads and pushes them without waiting for
/// its next poll of the event log. Redis being away only delays that by a poll interval: subscribing is retried in the
/// background and publishing never fails a commit (issue 12).
/// </summary>
public sealed class RedisWake(IConnectionMultiplexer redis, EventLogSignal signal, LiveOptions options, ILogger<RedisWake> logger) : BackgroundService
{
    private readonly RedisChannel _channel = RedisChannel.Literal(options.RedisChannelPrefix + ":events-positioned");
    private readonly string _me = Guid.NewGuid().ToString("N");
    private ISubscriber? _subscriber;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signal.PositionedHere += Publish;
        // Subscribed once, the client re-subscribes by itself after a reconnect; only the first subscription is retried here.
        await new ResilientLoop("Redis wake-up subscription", logger, options.RetryDelay, options.MaxRetryDelay).RunAsync(async ct =>
        {
            var subscriber = redis.GetSubscriber();
            await subscriber.SubscribeAsync(_channel, (_, from) =>
            {
                if (from != _me) signal.Wake(WakeReasons.Positioned);
            });
            _subscriber = subscriber;
            await Task.Delay(Timeout.Infinite, ct);
        }, stoppingToken);
    }

    private void Publish()
    {
        // Fire and forget: a lost wake-up costs one poll interval, never an event (the log is the truth). It runs in the
        // committing request, which must not fail for it: Redis can refuse at once while it is away.
        try
        {
            _ = _subscriber?.PublishAsync(_channel, _me, CommandFlags.FireAndForget).ContinueWith(
                t => logger.LogDebug(t.Exception, "Redis wake-up not published."), TaskContinuationOptions.OnlyOnFaulted);
        }
        catch (Exception ex) when (TransientFailure.Is(ex))
        {
            logger.LogDebug(ex, "Redis wake-up not published.");
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        signal.PositionedHere -= Publish;
        await base.StopAsync(cancellationToken);
        try
        {
            if (_subscriber is not null) await _subscriber.UnsubscribeAsync(_channel);
        }
        catch (Exception ex) when (TransientFailure.Is(ex))
        {
            logger.LogDebug(ex, "Redis wake-up not unsubscribed.");
        }
    }
}
