using System.Buffers;

namespace OmniIntake.Channels.Sms.Webhooks;

/// <summary>
/// Twilio's message ids: "SM" (SMS) or "MM" (MMS) and 32 lower-case hex digits. Checked even on a signed request
/// (issue 12 item 13): the signature runs keys and values together, so a captured request re-split at a key boundary
/// keeps its signature and carries a "new" MessageSid, which would be taken as a second message.
/// </summary>
public static class MessageSids
{
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public static bool IsValid(string? sid) =>
        sid is { Length: 34 } && (sid.StartsWith("SM", StringComparison.Ordinal) || sid.StartsWith("MM", StringComparison.Ordinal))
        && sid.AsSpan(2).IndexOfAnyExcept(LowerHex) < 0;
}
