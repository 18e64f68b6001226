using System.Text;
using Microsoft.Extensions.Logging;
using MimeKit;
using OmniIntake.Channels.Email.Parsing;
using OmniIntake.Channels.Email.Setup;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Outbound;

namespace OmniIntake.Channels.Email.Ingest;

/// <summary>What became of one mail.</summary>
public sealed record IngestedEmail(long RawId, RawDisposition Disposition, EmailKind? Kind, IntakeResult? Intake, string? Error,
    AutomaticReplyOutcome? Acknowledgement = null);

/// <summary>
/// The one path every mail takes, piped or fetched over IMAP: its raw bytes are kept first; then it is read, and taken
/// into a case, set aside (bounces, reports) or kept as failed with the reason, never lost; a new case from a person is
/// acknowledged with its number. Each mail stands alone: a poisonous one is set aside and the caller goes on.
/// </summary>
public sealed class EmailIngestor(EmailReader reader, IRawMessageStore raw, IIntake intake, IAutomaticReplies replies,
    EmailChannelOptions options, ILogger<EmailIngestor> logger)
{
    /// <param name="recogniseCopies">
    /// Treat exactly the same bytes already taken under another identity as that message (an IMAP UIDVALIDITY reset
    /// renumbers a whole folder); the pipe's identity is the content hash already, so it needs no second look.
    /// </param>
    /// <exception cref="System.Data.Common.DbException">The database failed: nothing is settled, the caller retries later.</exception>
    public async Task<IngestedEmail> IngestAsync(byte[] bytes, string externalId, DateTimeOffset receivedAt, bool recogniseCopies,
        CancellationToken cancellationToken)
    {
        // Durable before anything else is tried: an unreadable mail is kept, never lost.
        var rawId = await raw.KeepAsync(new RawMessage(Channel.Email, externalId, bytes, "message/rfc822", receivedAt), cancellationToken);
        if (recogniseCopies && await raw.FindSettledCopyAsync(Channel.Email, bytes, externalId, cancellationToken) is { } copy)
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
        await raw.SettleAsync(rawId, RawDisposition.Taken, result.CaseId, null, cancellationToken);
        var acknowledgement = ShouldAcknowledge(parsed, result)
            ? await replies.QueueAsync(result.CaseId, Acknowledgement.Text(result.CaseNumber, parsed.Message),
                new AutomaticReplyLimit(options.AutomaticRepliesPerWindow, options.AutomaticReplyWindow), cancellationToken)
            : (AutomaticReplyOutcome?)null;
        return new IngestedEmail(rawId, RawDisposition.Taken, parsed.Kind, result, null, acknowledgement);
    }

    /// <summary>A mail above the size limit: its headers are kept as a failed raw message, visible to supervisors.</summary>
    public async Task<IngestedEmail> KeepTooLargeAsync(byte[] headers, string externalId, DateTimeOffset receivedAt, long size,
        CancellationToken cancellationToken)
    {
        var rawId = await raw.KeepAsync(new RawMessage(Channel.Email, externalId, headers, "text/rfc822-headers", receivedAt), cancellationToken);
        return await FailAsync(rawId, null,
            $"The message is {size} bytes, above the limit of {options.MaxMessageBytes} (Channels:Email:MaxMessageBytes); only its headers were kept, the message stays in the mailbox.",
            cancellationToken);
    }

    private bool ShouldAcknowledge(ParsedEmail parsed, IntakeResult result) =>
        options.Acknowledge && result.Outcome == IntakeOutcome.NewCase && parsed.Kind == EmailKind.Personal
        // Never answer ourselves: that is how two robots start a loop.
        && !string.Equals(parsed.Message!.Sender.Value, options.Address, StringComparison.OrdinalIgnoreCase)
        && parsed.Message.Sender.Kind == Core.Contacts.ContactHandleKind.Email;

    private async Task<IngestedEmail> FailAsync(long rawId, EmailKind? kind, string error, CancellationToken cancellationToken)
    {
        await raw.SettleAsync(rawId, RawDisposition.Failed, null, error, cancellationToken);
        logger.LogWarning("Mail {RawId} was set aside as failed: {Error}", rawId, error);
        return new IngestedEmail(rawId, RawDisposition.Failed, kind, null, error);
    }
}
