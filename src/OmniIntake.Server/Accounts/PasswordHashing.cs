using Microsoft.AspNetCore.Identity;
using OmniIntake.Data.Accounts;

namespace OmniIntake.Server.Accounts;

/// <summary>ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, 100,000 iterations in V3).</summary>
public sealed class PasswordHashing
{
    private readonly PasswordHasher<UserRecord> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    /// <summary>A hash no password matches, checked for unknown names so they take as long as known ones (issue 12 item 13).</summary>
    public string Decoy { get; } = new PasswordHasher<UserRecord>().HashPassword(null!, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    public bool Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;
}
