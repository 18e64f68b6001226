namespace OmniIntake.Core.Attachments;

/// <summary>
/// "Attachments": which files customers and agents may send through the hub (issue 16 item 4): at most
/// <see cref="MaxBytes"/>, and only the <see cref="AllowedTypes"/> as sniffed from the content.
/// </summary>
public sealed class AttachmentRules
{
    public const string Section = "Attachments";

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <remarks>Null means all five known types; a configured list replaces them (the binder would add to a pre-filled list).</remarks>
    public List<string>? AllowedTypes { get; set; }

    public IReadOnlyList<string> EffectiveTypes =>
        AllowedTypes is { Count: > 0 } listed ? listed : [ContentSniffer.Jpeg, ContentSniffer.Png, ContentSniffer.Webp, ContentSniffer.Gif, ContentSniffer.Pdf];

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxBytes is < 1024 or > 100L * 1024 * 1024) errors.Add("Attachments:MaxBytes must be between 1 KiB and 100 MiB.");
        var unknown = EffectiveTypes.Where(t => ContentSniffer.Extension(t).Length == 0).ToList();
        if (unknown.Count > 0)
            errors.Add($"Attachments:AllowedTypes may only name types the hub recognises by content (image/jpeg, image/png, image/webp, image/gif, application/pdf); not {string.Join(", ", unknown)}.");
        return errors;
    }

    /// <summary>Checks a file by its content. The refusal is a stable code the customer's page or channel words in their language.</summary>
    public AttachmentCheck Check(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) return AttachmentCheck.Refuse(AttachmentRefusal.Empty);
        if (content.Length > MaxBytes) return AttachmentCheck.Refuse(AttachmentRefusal.TooLarge);
        var type = ContentSniffer.Sniff(content);
        return type is not null && EffectiveTypes.Contains(type, StringComparer.OrdinalIgnoreCase)
            ? new AttachmentCheck(type, null)
            : AttachmentCheck.Refuse(AttachmentRefusal.TypeNotAllowed);
    }

    /// <summary>"10 MB" for the refusals shown to people.</summary>
    public string MaxSizeText => MaxBytes >= 1024 * 1024 ? $"{MaxBytes / (1024.0 * 1024):0.#} MB" : $"{MaxBytes / 1024} KB";
}

public enum AttachmentRefusal
{
    Empty,
    TooLarge,
    TypeNotAllowed,
}

/// <summary>The sniffed type of an accepted file, or why it is refused.</summary>
public sealed record AttachmentCheck(string? ContentType, AttachmentRefusal? Refusal)
{
    public static AttachmentCheck Refuse(AttachmentRefusal refusal) => new(null, refusal);

    /// <summary>The stable code of the refusal ("attachment.too-large", ...), for ProblemDetails and the pages.</summary>
    public string? Code => Refusal switch
    {
        AttachmentRefusal.Empty => "attachment.empty",
        AttachmentRefusal.TooLarge => "attachment.too-large",
        AttachmentRefusal.TypeNotAllowed => "attachment.type-not-allowed",
        _ => null,
    };
}
