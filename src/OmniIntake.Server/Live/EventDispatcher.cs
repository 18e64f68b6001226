using Microsoft.AspNetCore.SignalR;
using OmniIntake.Core.Events;
using OmniIntake.Data.Events;

namespace OmniIntake.Server.Live;

/// <summary>
/// Stamps committed events with their position, then pushes every newly positioned event to this process's agents.
/// Each process tails the log itself, so an event committed by another process reaches its agents too.
/// </summary>
public sealed class EventDispatcher(
    EventSequencer sequencer,
    ICaseEventReader reader,
    EventLogSignal signal,
    IHubContext<AgentHub> hub,
    LiveOptions options,
    ILogger<EventDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var wake = signal.Subscribe();
        long last = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sequencer.StampAsync(stoppingToken);
                // Start from the head: clients that connected earlier catch up themselves.
                if (last < 0) last = await reader.LastPositionAsync(stoppingToken);
                while (true)
                {
                    var events = await reader.ReadAfterAsync(last, 500, stoppingToken);
                    foreach (var e in events)
                    {
                        await hub.Clients.Group(AgentHub.Group).SendAsync(AgentHub.EventMethod, e, stoppingToken);
                        last = e.Position;
                    }
                    if (events.Count < 500) break;
                }
                await wake.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(ex, "Event dispatch failed; retrying in {Delay}.", options.RetryDelay);
                await Task.Delay(options.RetryDelay, stoppingToken);
            }
        }
    }
}

/// <summary>Bound from configuration section "Live".</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often the event log is read for events other processes committed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
