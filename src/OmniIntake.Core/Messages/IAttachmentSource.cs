using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Messages;

/// <summary>Opens an attachment a channel kept (e-mail: a part of the kept raw message), by the message's external id.</summary>
public interface IAttachmentSource
{
    Channel Channel { get; }

    /// <returns>Null when the message or the part is not there (any more).</returns>
    Task<AttachmentContent?> OpenAsync(string externalId, string storageKey, CancellationToken cancellationToken = default);
}

public sealed record AttachmentContent(string FileName, string ContentType, byte[] Content);
