using OmniIntake.Core.Cases;
using OmniIntake.Core.Outbound;
using OmniIntake.Data.Outbox;

namespace OmniIntake.Server.Outbox;

/// <summary>
/// Drains the outbox through each channel's <see cref="IChannelSender"/>: run by Hangfire every minute and, after a
/// local commit, at once. A reply for a channel without a sender is never dropped silently: a hand channel (phone,
/// walk-in, letter) is marked for manual delivery, any other is marked failed with the reason, both on the case.
/// </summary>
public sealed class OutboxDispatcher(OutboxStore outbox, IEnumerable<IChannelSender> senders, OutboxOptions options, TimeProvider clock,
    Data.Cases.CaseCommands commands, ILogger<OutboxDispatcher> logger, Attachments.ReplyFiles? files = null)
{
    public const string RecurringId = "outbox-dispatch";

    private readonly Dictionary<Channel, IChannelSender> _senders = senders.ToDictionary(s => s.Channel);

    /// <returns>How many rows were handled.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (handled < options.BatchSize && await outbox.ClaimNextAsync(cancellationToken) is { } message)
        {
            handled++;
            if (!_senders.TryGetValue(message.Channel, out var sender))
            {
                var byHand = message.Channel.IsManual() || message.Channel == Channel.Forum;
                var status = byHand ? OutboxStatus.Manual : OutboxStatus.Failed;
                var why = message.Channel == Channel.Forum
                    ? "Post this reply in the forum thread (its link is on the case), in the centre's name, then record it as posted."
                    : message.Channel.IsManual()
                        ? $"The {message.Channel.ToName()} channel has no automatic delivery: give the customer this reply by hand."
                        : $"No sender is configured for the {message.Channel.ToName()} channel.";
                await outbox.RecordAsync(message, status, null, why, null, cancellationToken);
                continue;
            }
            SendResult result;
            try
            {
                result = await sender.SendAsync(files is null ? message : await files.PrepareAsync(message, cancellationToken), cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever a sender throws (a provider SDK's parsing error included) is a retryable failure on the
                // case, never the end of the dispatcher: the reply is not dropped and the next one still goes.
                logger.LogWarning(ex, "Sending reply {OutboxId} on case {CaseNumber} threw; it will be retried.", message.OutboxId, message.CaseNumber);
                result = SendResult.Retry($"{ex.GetType().Name}: {ex.Message}");
            }
            await RecordAsync(message, result, cancellationToken);
        }
        return handled;
    }

    private async Task RecordAsync(OutboundMessage message, SendResult result, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                await outbox.RecordAsync(message, OutboxStatus.Sent, result.ProviderId, null, null, result.Segments, cancellationToken);
                // A reply posted in the forum thread through its API is the public reply (5.3.1): record it with its link.
                if (message.Channel == Channel.Forum && Uri.IsWellFormedUriString(result.ProviderId, UriKind.Absolute))
                    await commands.RecordPublicReplyAsync(message.CaseId, result.ProviderId!, "system", cancellationToken);
                break;
            case SendOutcome.Manual:
                await outbox.RecordAsync(message, OutboxStatus.Manual, null, result.Error, null, cancellationToken);
                break;
            case SendOutcome.Retry when message.Attempt < options.MaxAttempts:
                // Exponential backoff: base, 2x base, 4x base... capped.
                var delay = TimeSpan.FromTicks(Math.Min(options.MaxBackoff.Ticks, options.RetryBase.Ticks * (1L << Math.Min(20, message.Attempt - 1))));
                await outbox.RecordAsync(message, OutboxStatus.Retrying, null, result.Error, clock.GetUtcNow() + delay, cancellationToken);
                break;
            default:
                logger.LogWarning("Reply {OutboxId} on case {CaseNumber} failed for good after {Attempts} attempts.", message.OutboxId,
                    message.CaseNumber, message.Attempt);
                await outbox.RecordAsync(message, OutboxStatus.Failed, null,
                    result.Outcome == SendOutcome.Retry ? $"Gave up after {message.Attempt} attempts: {result.Error}" : result.Error, null,
                    cancellationToken);
                break;
        }
    }
}

/// <summary>Bound from configuration section "Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public int MaxAttempts { get; set; } = 8;

    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    public int BatchSize { get; set; } = 200;

    /// <summary>How often a process looks for due retries between the minutely Hangfire runs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxAttempts is < 1 or > 100) errors.Add($"Outbox:MaxAttempts must be 1-100 (got {MaxAttempts}).");
        if (RetryBase <= TimeSpan.Zero) errors.Add($"Outbox:RetryBase must be positive (got '{RetryBase}').");
        if (MaxBackoff < RetryBase) errors.Add($"Outbox:MaxBackoff must be at least Outbox:RetryBase (got '{MaxBackoff}').");
        if (PollInterval <= TimeSpan.Zero) errors.Add($"Outbox:PollInterval must be positive (got '{PollInterval}').");
        if (BatchSize is < 1 or > 10_000) errors.Add($"Outbox:BatchSize must be 1-10000 (got {BatchSize}).");
        return errors;
    }
}
