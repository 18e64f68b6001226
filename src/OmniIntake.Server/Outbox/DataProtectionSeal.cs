using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using OmniIntake.Core.Outbound;

namespace OmniIntake.Server.Outbox;

/// <summary>The outbox's sealed texts, protected with the key ring every server process shares (stored in the database).</summary>
public sealed class DataProtectionSeal(IDataProtectionProvider provider) : IOutboundSeal
{
    private readonly IDataProtector _protector = provider.CreateProtector("OmniIntake.Outbox.SealedText");

    public string Seal(string text) => _protector.Protect(text);

    public string? Unseal(string sealedText)
    {
        try
        {
            return _protector.Unprotect(sealedText);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
