using OmniIntake.Core.Cases;
using OmniIntake.Core.Intake;

namespace OmniIntake.Channels.Email.Ingest;

/// <summary>Reads a kept mail again (after a fix to the reader, or once a database problem is over).</summary>
public sealed class EmailReprocessor(EmailIngestor ingestor) : IRawMessageReprocessor
{
    public Channel Channel => Channel.Email;

    public async Task<(RawDisposition Disposition, long? CaseId, string? Error)> ReprocessAsync(StoredRawMessage message, byte[] content,
        CancellationToken cancellationToken = default)
    {
        if (message.ContentType != "message/rfc822")
            return (RawDisposition.Failed, null, $"Only the headers of this mail were kept ({message.Error}); fetch it from the mailbox again.");
        var result = await ingestor.IngestAsync(content, message.ExternalId, message.ReceivedAt, recogniseCopies: false, cancellationToken);
        return (result.Disposition, result.Intake?.CaseId, result.Error);
    }
}
