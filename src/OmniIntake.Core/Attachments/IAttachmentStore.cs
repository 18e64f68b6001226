using OmniIntake.Core.Messages;

namespace OmniIntake.Core.Attachments;

/// <summary>
/// The one store of the files customers and agents send (widget, MMS, status page, agents' replies): checked by
/// <see cref="AttachmentRules"/> before they are kept. E-mail attachments stay parts of the kept raw message
/// (<see cref="IAttachmentSource"/>) and are opened the same way by their message.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Checks and keeps a file.</summary>
    /// <returns>The attachment to record on a message: with a storage key ("file-N") when kept, else with the refusal's code
    /// as <see cref="Attachment.RefusedReason"/> so the case shows what was not taken.</returns>
    Task<Attachment> KeepAsync(string fileName, byte[] content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a file that its source may deliver again under the same <paramref name="origin"/> (e.g. "twilio:MM…:0" for a
    /// retried webhook): the second time the first copy is returned, never a second row (issue 16 item 3).
    /// </summary>
    Task<Attachment> KeepOnceAsync(string origin, string fileName, byte[] content, CancellationToken cancellationToken = default);

    /// <returns>The file kept from <paramref name="origin"/>, or null; lets a source skip fetching what it has.</returns>
    Task<Attachment?> FindByOriginAsync(string origin, CancellationToken cancellationToken = default);

    /// <returns>Null when the key is not one of this store's or the file is gone.</returns>
    Task<AttachmentContent?> OpenAsync(string storageKey, CancellationToken cancellationToken = default);

    /// <returns>The kept file as recorded on a message (name, sniffed type, size), without its content; null when unknown.</returns>
    Task<Attachment?> FindAsync(string storageKey, CancellationToken cancellationToken = default);
}

public static class StoredFiles
{
    public const string KeyPrefix = "file-";

    public static bool IsStoreKey(string? key) => key is not null && key.StartsWith(KeyPrefix, StringComparison.Ordinal);

    /// <summary>A name safe to show and to download under: no path, no control characters, the extension of the sniffed type.</summary>
    public static string SafeName(string? fileName, string contentType)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim().Trim('.');
        if (name.Length > 120) name = name[..120];
        var stem = Path.GetFileNameWithoutExtension(name);
        if (stem.Length == 0) stem = "file";
        return stem + ContentSniffer.Extension(contentType);
    }
}
