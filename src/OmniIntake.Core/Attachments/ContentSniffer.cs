namespace OmniIntake.Core.Attachments;

/// <summary>
/// What a file really is, read from its first bytes (magic numbers). The name and the declared type are the sender's
/// words and are never trusted: an HTML page named photo.png is not an image (issue 16 item 4).
/// </summary>
public static class ContentSniffer
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Webp = "image/webp";
    public const string Gif = "image/gif";
    public const string Pdf = "application/pdf";

    /// <returns>The sniffed type, or null when the content is none of the types the hub knows.</returns>
    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content.Slice(8, 4).SequenceEqual("WEBP"u8)) return Webp;
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8)) return Gif;
        if (content.StartsWith("%PDF-"u8)) return Pdf;
        return null;
    }

    public static bool IsImage(string contentType) => contentType is Jpeg or Png or Webp or Gif;

    /// <summary>The extension that matches the sniffed type, so a kept file's name never claims another type.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        Jpeg => ".jpg", Png => ".png", Webp => ".webp", Gif => ".gif", Pdf => ".pdf", _ => "",
    };
}
