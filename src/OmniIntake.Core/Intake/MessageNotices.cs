namespace OmniIntake.Core.Intake;

/// <summary>
/// Stable codes of what the hub had to do to keep a message (issue 12: nothing is silently changed). Stored on the
/// message and shown to the agent from the console's catalog.
/// </summary>
public static class MessageNotices
{
    /// <summary>The HTML was beyond the limits (depth, tags, size): not cleaned, the message is shown as its text.</summary>
    public const string HtmlTooComplex = "html-too-complex";

    /// <summary>A part's declared charset did not fit its bytes; the charset was detected from the bytes instead.</summary>
    public const string CharsetDetected = "charset-detected";

    /// <summary>Some bytes fit no charset; they are shown as U+FFFD or as their nearest readable form.</summary>
    public const string UndecodableBytes = "undecodable-bytes";

    /// <summary>A header field was too long to read whole (e.g. a sender name of a megabyte); it was cut (the raw message is kept).</summary>
    public const string HeaderTooLong = "header-too-long";
}
