using System.Text;
using Microsoft.Extensions.Logging;
using MimeKit;
using OmniIntake.Channels.Email.Parsing;
using OmniIntake.Channels.Email.Setup;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Conversations;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Outbound;
using OmniIntake.Core.Text;

namespace OmniIntake.Channels.Email.Ingest;

/// <summary>What became of one mail.</summary>
public sealed record IngestedEmail(long RawId, RawDisposition Disposition, EmailKind? Kind, IntakeResult? Intake, string? Error,
    AutomaticReplyOutcome? Acknowledgement = null);

/// <summary>
/// The one path every mail takes, piped or fetched over IMAP: its raw bytes are kept first; then it is read, and taken
/// into a case, set aside (bounces, reports) or kept as failed with the reason, never lost; a new case from a person is
/// acknowledged with its number. Each mail stands alone: a poisonous one is set aside and the caller goes on. What follows
/// the intake happens once per mail (issue 12 item 3): a mail read again (Duplicate) completes it if a crash cut it short
/// (the dialog answers a message once; the acknowledgement is queued under a once-key), and the raw message is settled
/// only after it. Issue 17 item 1: with <see cref="IInboundUnits"/> all of one mail's writes (raw keep, intake, dialog,
/// acknowledgement row, settlement) are one unit, so a crash between them leaves nothing half done; without it (the
/// tools that build an ingestor by hand) each store commits on its own, as before.
/// </summary>
public sealed class EmailIngestor(EmailReader reader, IRawMessageStore raw, IIntake intake, IAutomaticReplies replies,
    EmailChannelOptions options, ILogger<EmailIngestor> logger, IDialogService? dialogs = null, Core.Promises.ForwardingPromise? promise = null,
    Core.Promises.IStatusLinks? statusLinks = null, IInboundUnits? units = null)
{
    /// <param name="recogniseCopies">
    /// Treat exactly the same bytes already taken under another identity as that message (an IMAP UIDVALIDITY reset
    /// renumbers a whole folder); the pipe's identity is the content hash already, so it needs no second look.
    /// </param>
    /// <exception cref="System.Data.Common.DbException">The database failed: nothing is settled, the caller retries later.</exception>
    public async Task<IngestedEmail> IngestAsync(byte[] bytes, string externalId, DateTimeOffset receivedAt, bool recogniseCopies,
        CancellationToken cancellationToken)
    {
        var result = await InUnitAsync(ct => IngestOnceAsync(bytes, externalId, receivedAt, recogniseCopies, ct), cancellationToken);
        LogFailure(result);
        return result;
    }

    /// <summary>
    /// A mail that could not be taken for a reason of its own (not the database's): after its unit was undone, its bytes
    /// are kept as a failed raw message with the reason, so one bad mail of a batch fails alone and stays visible.
    /// </summary>
    public async Task<IngestedEmail> SetAsideAsync(byte[] bytes, string externalId, DateTimeOffset receivedAt, string error,
        CancellationToken cancellationToken)
    {
        var result = await InUnitAsync(async ct =>
        {
            var rawId = await raw.KeepAsync(new RawMessage(Channel.Email, externalId, bytes, "message/rfc822", receivedAt), ct);
            return await FailAsync(rawId, null, error, ct);
        }, cancellationToken);
        LogFailure(result);
        return result;
    }

    /// <summary>One unit when a unit runner is given; the work may run again (it only writes through the stores).</summary>
    private Task<IngestedEmail> InUnitAsync(Func<CancellationToken, Task<IngestedEmail>> work, CancellationToken cancellationToken) =>
        (units ?? NoInboundUnits.Instance).RunAsync(work, cancellationToken);

    // Logged once the unit committed: a unit run twice must not log twice, and a rolled-back one never happened.
    private void LogFailure(IngestedEmail result)
    {
        if (result.Disposition == RawDisposition.Failed)
            logger.LogWarning("Mail {RawId} was set aside as failed: {Error}", result.RawId, result.Error);
    }

    private async Task<IngestedEmail> IngestOnceAsync(byte[] bytes, string externalId, DateTimeOffset receivedAt, bool recogniseCopies,
        CancellationToken cancellationToken)
    {
        // Durable before anything else is tried: an unreadable mail is kept, never lost.
        var kept = new RawMessage(Channel.Email, externalId, bytes, "message/rfc822", receivedAt);
        var (rawId, settledCopy) = recogniseCopies
            ? await raw.KeepFindingSettledCopyAsync(kept, cancellationToken)
            : new KeptRawMessage(await raw.KeepAsync(kept, cancellationToken), null);
        if (settledCopy is { } copy)
        {
            await raw.SettleAsync(rawId, copy.Disposition, copy.CaseId, $"The same mail as raw message {copy.RawId} ({copy.ExternalId}).",
                cancellationToken);
            return new IngestedEmail(rawId, copy.Disposition, null, null, null);
        }

        ParsedEmail parsed;
        try
        {
            parsed = reader.Read(new MemoryStream(bytes, writable: false), externalId, receivedAt);
        }
        catch (Exception ex) when (ex is FormatException or ParseException or DecoderFallbackException or ArgumentException)
        {
            return await FailAsync(rawId, null, $"The message could not be read: {ex.Message}", cancellationToken);
        }
        if (parsed.Message is null)
        {
            await raw.SettleAsync(rawId, RawDisposition.SetAside, null, parsed.Summary, cancellationToken);
            return new IngestedEmail(rawId, RawDisposition.SetAside, parsed.Kind, null, null);
        }

        IntakeResult result;
        try
        {
            result = await intake.AcceptAsync(parsed.Message, cancellationToken);
        }
        catch (InvalidInboundMessageException ex)
        {
            return await FailAsync(rawId, parsed.Kind, ex.Message, cancellationToken);
        }
        AutomaticReplyOutcome? acknowledgement = null;
        if (ShouldAcknowledge(parsed, result))
        {
            var text = await OpeningAsync(result, parsed.Message, cancellationToken);
            acknowledgement = await replies.QueueOnceAsync(result.CaseId, $"email:{parsed.Message.ExternalId}:acknowledgement", text, Limit,
                cancellationToken);
        }
        else if (result.Taken == IntakeOutcome.Threaded && parsed.Kind == EmailKind.Personal && IsAnswerable(parsed.Message))
        {
            acknowledgement = await ContinueDialogAsync(result, parsed.Message, cancellationToken);
        }
        await raw.SettleAsync(rawId, RawDisposition.Taken, result.CaseId, null, cancellationToken);
        return new IngestedEmail(rawId, RawDisposition.Taken, parsed.Kind, result, null, acknowledgement);
    }

    /// <summary>A mail above the size limit: its headers are kept as a failed raw message, visible to supervisors.</summary>
    public async Task<IngestedEmail> KeepTooLargeAsync(byte[] headers, string externalId, DateTimeOffset receivedAt, long size,
        CancellationToken cancellationToken)
    {
        var result = await InUnitAsync(async ct =>
        {
            var rawId = await raw.KeepAsync(new RawMessage(Channel.Email, externalId, headers, "text/rfc822-headers", receivedAt), ct);
            return await FailAsync(rawId, null,
                $"The message is {size} bytes, above the limit of {options.MaxMessageBytes} (Channels:Email:MaxMessageBytes); only its headers were kept, the message stays in the mailbox.",
                ct);
        }, cancellationToken);
        LogFailure(result);
        return result;
    }

    private AutomaticReplyLimit Limit => new(options.AutomaticRepliesPerWindow, options.AutomaticReplyWindow);

    private bool ShouldAcknowledge(ParsedEmail parsed, IntakeResult result) =>
        options.Acknowledge && result.Taken == IntakeOutcome.NewCase && parsed.Kind == EmailKind.Personal && IsAnswerable(parsed.Message!);

    // Never answer ourselves: that is how two robots start a loop.
    private bool IsAnswerable(InboundMessage message) =>
        options.Acknowledge && message.Sender.Kind == Core.Contacts.ContactHandleKind.Email
        && !string.Equals(message.Sender.Value, options.Address, StringComparison.OrdinalIgnoreCase);

    /// <summary>What the customer wrote now, without the quoted history (our own questions must not answer themselves).</summary>
    private static string Fresh(string text) => QuotedHistory.Start(text) is { } start ? text[..start] : text;

    /// <summary>
    /// The acknowledgement of a new case: its number, and, when the guided dialog runs, every registration field the
    /// mail did not give, asked for at once (the dialog's e-mail style).
    /// </summary>
    private async Task<string> OpeningAsync(IntakeResult result, InboundMessage message, CancellationToken cancellationToken)
    {
        var receipt = Acknowledgement.Text(result.CaseNumber, message,
            promise?.Describe(Channel.Email, message.ReceivedAt, Acknowledgement.Language(message)), statusLinks?.For(result.CaseNumber));
        if (dialogs is null) return receipt;
        var reply = await dialogs.OpenForCaseAsync(new CaseDialog(Channel.Email, result.CaseId, result.CaseNumber, Acknowledgement.Language(message),
            DialogStyle.Email, message.Sender, new Dictionary<string, string> { ["email"] = message.Sender.Value }), Fresh(message.Text), message.ExternalId,
            cancellationToken);
        var questions = string.Join("\n\n", reply?.Messages.Select(m => m.Text) ?? []);
        return questions.Length == 0 ? receipt : receipt + "\n\n" + questions;
    }

    /// <summary>A customer's answer on a case whose fields are still being gathered: read for them; ask again for what is missing.</summary>
    private async Task<AutomaticReplyOutcome?> ContinueDialogAsync(IntakeResult result, InboundMessage message, CancellationToken cancellationToken)
    {
        if (dialogs is null) return null;
        var reply = await dialogs.ContinueForCaseAsync(Channel.Email, result.CaseId, message.Sender, Fresh(message.Text), message.ExternalId,
            cancellationToken);
        var questions = string.Join("\n\n", reply?.Messages.Select(m => m.Text) ?? []);
        return questions.Length == 0
            ? null
            : await replies.QueueOnceAsync(result.CaseId, $"email:{message.ExternalId}:reply", questions, Limit, cancellationToken);
    }

    private async Task<IngestedEmail> FailAsync(long rawId, EmailKind? kind, string error, CancellationToken cancellationToken)
    {
        await raw.SettleAsync(rawId, RawDisposition.Failed, null, error, cancellationToken);
        return new IngestedEmail(rawId, RawDisposition.Failed, kind, null, error);
    }
}
