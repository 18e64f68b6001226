using System.Text.Json;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Text;

namespace OmniIntake.Data.Intake;

/// <summary>
/// A message's body as stored: sanitised HTML, its text, and its notices. Computed BEFORE the write transaction opens
/// (issue 12 item 7: sanitising inside it held SQLite's write lock for as long as hostile HTML took, so every other
/// write and every sign-in failed); the HTML is measured first and cleaned only within <see cref="HtmlLimits"/>.
/// </summary>
internal sealed record IntakeBody(string? SanitisedHtml, string BodyText, string NoticesJson)
{
    private static readonly HtmlCleaner Html = new();

    public static IntakeBody Prepare(InboundMessage message)
    {
        var notices = message.Notices.ToList();
        var cleaned = message.Html is null ? null : Html.Clean(message.Html);
        if (cleaned is { TooComplex: true } && !notices.Contains(MessageNotices.HtmlTooComplex)) notices.Add(MessageNotices.HtmlTooComplex);
        var text = string.IsNullOrWhiteSpace(message.Text) && cleaned is not null ? cleaned.Text : message.Text ?? "";
        return new IntakeBody(IntakeWrite.StripNul(cleaned?.Html), IntakeWrite.StripNul(text)!, JsonSerializer.Serialize(notices, Json.Options));
    }
}
