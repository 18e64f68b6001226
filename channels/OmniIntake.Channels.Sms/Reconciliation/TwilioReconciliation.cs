using System.Text.Json;
using Microsoft.Extensions.Logging;
using OmniIntake.Channels.Sms.Sending;
using OmniIntake.Channels.Sms.Setup;
using OmniIntake.Channels.Sms.Webhooks;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Polling;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace OmniIntake.Channels.Sms.Reconciliation;

/// <summary>
/// Twilio tries a webhook for 15 seconds and then gives up for good, so an outage of the hub would lose messages. This
/// job (Hangfire, at start-up and every 5 minutes) lists the inbound messages Twilio holds since the last successful
/// run (minus a margin) and takes in each one the hub never settled, exactly once: the intake dedupes on MessageSid,
/// and a message already settled (a keyword included) is not replayed.
/// </summary>
public sealed class TwilioReconciliation(SmsOptions options, TwilioClientFactory clients, SmsIngestor ingestor, IRawMessageStore raw,
    IPollerStateStore state, TimeProvider clock, ILogger<TwilioReconciliation> logger)
{
    public const string RecurringId = "sms-twilio-reconcile";

    public string PollerName => $"twilio-inbound:{options.From ?? options.MessagingServiceSid}";

    /// <returns>How many messages were taken that the webhook had not delivered.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var last = (await state.FindAsync(PollerName, cancellationToken))?.LastSuccessAt;
        var since = (last ?? now - options.ReconcileWindow) - TimeSpan.FromMinutes(10);
        if (now - since > TimeSpan.FromDays(7)) since = now - TimeSpan.FromDays(7);
        try
        {
            var messages = await MessageResource.ReadAsync(
                to: options.From is { Length: > 0 } from ? new PhoneNumber(from) : null,
                dateSentAfter: since.UtcDateTime,
                client: clients.Client);
            var taken = 0;
            foreach (var message in messages.Where(m => m.Direction == MessageResource.DirectionEnum.Inbound))
            {
                if (await raw.FindByExternalIdAsync(Channel.Sms, message.Sid, cancellationToken) is { Disposition: not RawDisposition.Received }) continue;
                var json = JsonSerializer.SerializeToUtf8Bytes(new { message.Sid, From = message.From?.ToString(), message.To, message.Body, message.DateSent });
                var sms = new InboundSms(message.Sid, message.From?.ToString() ?? "", message.To ?? "", message.Body ?? "", [],
                    message.DateSent is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : now, json, "application/json");
                var result = await ingestor.IngestAsync(sms, cancellationToken);
                if (result.Intake is { Outcome: not IntakeOutcome.Duplicate }) taken++;
            }
            await state.RecordAsync(PollerName, null, cancellationToken);
            if (taken > 0) logger.LogWarning("Reconciliation took in {Count} SMS that the webhook never delivered.", taken);
            return taken;
        }
        catch (Exception ex) when (ex is ApiException or ApiConnectionException or HttpRequestException)
        {
            await state.RecordAsync(PollerName, $"Twilio could not be listed: {ex.Message}", cancellationToken);
            logger.LogWarning("SMS reconciliation failed: {Error}", ex.Message);
            return 0;
        }
    }
}
