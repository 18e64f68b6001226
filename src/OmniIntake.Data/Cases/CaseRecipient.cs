using System.Data.Common;

namespace OmniIntake.Data.Cases;

/// <summary>The address a reply on a case goes to: the contact's handle of the case's channel.</summary>
internal static class CaseRecipient
{
    public static async Task<string?> FindAsync(DbConnection c, DbTransaction tx, string channel, long contactId, CancellationToken ct)
    {
        var kind = HandleKindOf(channel);
        return kind is null
            ? null
            : await c.FirstOrDefaultAsync<string>("SELECT value FROM contact_handles WHERE contact_id = @contactId AND kind = @kind",
                new { contactId, kind }, tx, ct);
    }

    /// <summary>The address among a contact's handles (read beside something else in one round trip).</summary>
    public static string? Among(string channel, IEnumerable<(string Kind, string Value)> handles) =>
        HandleKindOf(channel) is { } kind ? handles.FirstOrDefault(h => h.Kind == kind).Value : null;

    /// <summary>The kind of handle a reply on the channel goes to, if it has one.</summary>
    private static string? HandleKindOf(string channel) => channel switch
    {
        "email" => "email",
        "sms" or "phone" => "phone",
        "chat" => "chat",
        "forum" => "forum",
        _ => null,
    };
}
