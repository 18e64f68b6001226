using System.Data.Common;

namespace OmniIntake.Data.Cases;

/// <summary>The address a reply on a case goes to: the contact's handle of the case's channel.</summary>
internal static class CaseRecipient
{
    public static async Task<string?> FindAsync(DbConnection c, DbTransaction tx, string channel, long contactId, CancellationToken ct)
    {
        var kind = channel switch
        {
            "email" => "email",
            "sms" or "phone" => "phone",
            "chat" => "chat",
            "forum" => "forum",
            _ => null,
        };
        return kind is null
            ? null
            : await c.FirstOrDefaultAsync<string>("SELECT value FROM contact_handles WHERE contact_id = @contactId AND kind = @kind",
                new { contactId, kind }, tx, ct);
    }
}
