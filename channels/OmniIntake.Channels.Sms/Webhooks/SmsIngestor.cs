using System.Text;
using Microsoft.Extensions.Logging;
using OmniIntake.Channels.Sms.OptOut;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Conversations;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Messages;
using OmniIntake.Core.Outbound;
using OmniIntake.Core.Promises;
using OmniIntake.Core.Sms;
using OmniIntake.Core.Text;

namespace OmniIntake.Channels.Sms.Webhooks;

/// <summary>An inbound SMS as Twilio describes it (webhook form or REST listing).</summary>
public sealed record InboundSms(string MessageSid, string From, string To, string Body, IReadOnlyList<(string Url, string ContentType)> Media,
    DateTimeOffset ReceivedAt, byte[] Raw, string RawContentType);

public enum SmsDisposition
{
    Taken,
    Keyword,
    Refused,
}

public sealed record IngestedSms(SmsDisposition Disposition, IntakeResult? Intake, string? Reply, string? Error);

/// <summary>
/// The one path of an inbound SMS, from the webhook or the reconciliation: raw kept first, keywords (STOP/退订,
/// START, HELP) handled, then the intake; a new case gets its number and the dialog's first question in one short
/// message, and the customer's next messages fill the case's fields (the dialog's SMS style). What follows the intake
/// happens once per message (issue 12 item 3): a message delivered again (Duplicate) completes it if a crash cut it short
/// (the dialog answers a message once, each reply is queued under a once-key), and the raw message is settled only after
/// it, so a crash leaves it unsettled for the reconciliation to deliver again.
/// Issue 17 item 1: all of it (raw copy, keyword or intake, dialog, reply rows, settlement) is ONE inbound unit, one
/// commit, shared with concurrent messages (group commit); a crash anywhere leaves nothing of it, and the caller (the
/// webhook's answer to Twilio) learns of it only once committed. The MMS media is fetched before: network I/O never
/// runs inside the unit's transaction.
/// </summary>
/// <param name="promise">The forwarding time told in the receipt (issue 16 item 3); none without it.</param>
/// <param name="statusLinks">The status page's short link in the receipt (issue 16 items 3 and 5); none without it.</param>
public sealed class SmsIngestor(IRawMessageStore raw, IIntake intake, IOptOutStore optOuts, IAutomaticReplies replies, IDialogService dialogs,
    IInboundUnits units, ILogger<SmsIngestor> logger, ForwardingPromise? promise = null, Media.MmsMediaFetcher? media = null,
    IStatusLinks? statusLinks = null)
{
    private static readonly AutomaticReplyLimit Limit = new(5, TimeSpan.FromHours(1));

    public async Task<IngestedSms> IngestAsync(InboundSms sms, CancellationToken cancellationToken)
    {
        var senderValid = ContactHandle.TryCreate(ContactHandleKind.Phone, sms.From, out var sender, out var error);
        var keyword = Keywords.Of(sms.Body);
        // MMS media fetched from Twilio and kept (issue 16 item 4) BEFORE the unit; without a fetcher, named only, never a
        // sender's URL as a key. Kept once per origin, so a unit run again (or a delivery again) finds it kept.
        IReadOnlyList<Attachment> attachments = [];
        if (senderValid && keyword == Keyword.None && sms.Media.Count > 0)
            attachments = media is not null
                ? await media.FetchAsync(sms.MessageSid, sms.Media, cancellationToken)
                : sms.Media.Select((m, i) => new Attachment($"media-{i + 1}", m.ContentType.ToLowerInvariant(), 0, null, Media.MediaRefusals.NotFetched)).ToList();
        var ingested = await units.RunAsync(ct => IngestInUnitAsync(sms, senderValid ? sender : null, error, keyword, attachments, ct), cancellationToken);
        if (keyword == Keyword.Stop && senderValid)
        {
            // No phone number above Debug (STYLE.md habit 8, issue 12 item 13); logged once, after the commit.
            logger.LogInformation("A sender opted out of SMS; the opt-out is kept with the number.");
            logger.LogDebug("{Phone} opted out of SMS ({Keyword}).", sender.Value, sms.Body.Trim());
        }
        return ingested;
    }

    /// <summary>The unit: it writes only through the stores, and may run again (a batch it shared failed).</summary>
    private async Task<IngestedSms> IngestInUnitAsync(InboundSms sms, ContactHandle? sender, string? error, Keyword keyword,
        IReadOnlyList<Attachment> attachments, CancellationToken cancellationToken)
    {
        var rawId = await raw.KeepAsync(new RawMessage(Channel.Sms, sms.MessageSid, sms.Raw, sms.RawContentType, sms.ReceivedAt), cancellationToken);
        if (sender is null)
        {
            await raw.SettleAsync(rawId, RawDisposition.Failed, null, error, cancellationToken);
            return new IngestedSms(SmsDisposition.Refused, null, null, $"From: {error}");
        }
        switch (keyword)
        {
            case Keyword.Stop:
                await optOuts.OptOutAsync(sender.Value, sms.Body.Trim(), cancellationToken);
                await raw.SettleAsync(rawId, RawDisposition.SetAside, null, "opt-out keyword", cancellationToken);
                return new IngestedSms(SmsDisposition.Keyword, null, null, null);
            case Keyword.Start:
                await optOuts.OptInAsync(sender.Value, cancellationToken);
                await raw.SettleAsync(rawId, RawDisposition.SetAside, null, "opt-in keyword", cancellationToken);
                return new IngestedSms(SmsDisposition.Keyword, null, null, null);
            case Keyword.Help:
                await raw.SettleAsync(rawId, RawDisposition.SetAside, null, "help keyword", cancellationToken);
                return new IngestedSms(SmsDisposition.Keyword, null, "help", null);
        }
        var message = new InboundMessage
        {
            Channel = Channel.Sms,
            ExternalId = sms.MessageSid,
            Sender = sender,
            Text = sms.Body,
            Attachments = attachments,
            ReceivedAt = sms.ReceivedAt,
        };
        IntakeResult result;
        try
        {
            result = await intake.AcceptAsync(message, cancellationToken);
        }
        catch (InvalidInboundMessageException ex)
        {
            await raw.SettleAsync(rawId, RawDisposition.Failed, null, ex.Message, cancellationToken);
            return new IngestedSms(SmsDisposition.Refused, null, null, ex.Message);
        }
        if (!await optOuts.IsOptedOutAsync(sender.Value, cancellationToken))
        {
            // Taken: what the message did when first taken, also for a Duplicate (a delivery again, perhaps after a crash).
            if (result.Taken == IntakeOutcome.NewCase) await OpenDialogAsync(result, message, cancellationToken);
            else await ContinueDialogAsync(result, message, cancellationToken);
        }
        await raw.SettleAsync(rawId, RawDisposition.Taken, result.CaseId, null, cancellationToken);
        return new IngestedSms(SmsDisposition.Taken, result, null, null);
    }

    private async Task OpenDialogAsync(IntakeResult result, InboundMessage message, CancellationToken cancellationToken)
    {
        var language = Languages.Of(message.Text);
        var reply = await dialogs.OpenForCaseAsync(new CaseDialog(Channel.Sms, result.CaseId, result.CaseNumber, language, DialogStyle.Sms, message.Sender,
            new Dictionary<string, string> { ["phone"] = message.Sender.Value }), message.Text, message.ExternalId, cancellationToken);
        // No question: a dialog opened before issue 12's fix, whose answer is not linked to the message (sent then, if at all).
        if (reply is null || reply.Messages.Count == 0) return;
        var receipt = Receipt(result.CaseNumber, language, promise?.Describe(Channel.Sms, message.ReceivedAt, language) ?? "", statusLinks?.ShortFor(result.CaseNumber));
        await replies.QueueOnceAsync(result.CaseId, $"sms:{message.ExternalId}:opening", receipt + reply.Messages[0].Text, Limit, cancellationToken);
    }

    /// <summary>
    /// The opening SMS before the dialog's first question: the number, by when it is forwarded (policy and calendar) and the
    /// status page's short link on a line of its own (so no phone takes the question into the link). Chosen length: at
    /// most two UCS-2 segments (134 characters) with the first question for a public address of up to 40 characters;
    /// one segment could not hold a link (issue 16 item 3, measured in CustomerMessagesTests).
    /// </summary>
    public static string Receipt(string caseNumber, string language, string forwardBy, string? statusLink) =>
        language == Languages.Chinese
            ? $"已受理，编号{caseNumber}。{forwardBy}{(statusLink is null ? "" : $"进度：{statusLink}\n")}"
            : $"Received: case {caseNumber}. {forwardBy}{(forwardBy.Length == 0 ? "" : " ")}{(statusLink is null ? "" : $"Progress: {statusLink}\n")}";

    private async Task ContinueDialogAsync(IntakeResult result, InboundMessage message, CancellationToken cancellationToken)
    {
        var reply = await dialogs.ContinueForCaseAsync(Channel.Sms, result.CaseId, message.Sender, message.Text, message.ExternalId, cancellationToken);
        var texts = reply?.Messages.Select(m => m.Text).ToList() ?? [];
        for (var i = 0; i < texts.Count; i++)
            await replies.QueueOnceAsync(result.CaseId, $"sms:{message.ExternalId}:reply:{i}", texts[i], Limit, cancellationToken);
    }

    public static byte[] FormBytes(IEnumerable<KeyValuePair<string, string>> fields) =>
        Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
}
