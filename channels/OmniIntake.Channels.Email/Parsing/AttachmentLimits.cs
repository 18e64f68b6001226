namespace OmniIntake.Channels.Email.Parsing;

/// <summary>"Channels:Email:Attachments": which attachments are kept for agents to open.</summary>
public sealed class AttachmentLimits
{
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Programs and scripts that an agent's click could run (by file name).</summary>
    public List<string> BlockedExtensions { get; set; } =
        [".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".msi", ".js", ".jse", ".vbs", ".vbe", ".wsf", ".ps1", ".jar", ".lnk", ".hta", ".cpl"];

    public List<string> BlockedTypes { get; set; } =
        ["application/x-msdownload", "application/x-msdos-program", "application/x-ms-installer", "application/hta", "application/x-sh"];

    /// <returns>Why the attachment is not kept, or null when it is.</returns>
    public string? Refuse(string fileName, string contentType, long size)
    {
        if (size > MaxBytes) return $"larger than the limit ({size} > {MaxBytes} bytes)";
        var extension = Path.GetExtension(fileName.Trim().TrimEnd('.'));
        if (BlockedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)) return $"files of type {extension} are not accepted";
        if (BlockedTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase)) return $"content of type {contentType} is not accepted";
        return null;
    }
}
