using System.Security.Cryptography;

namespace OmniIntake.Server.Accounts;

/// <summary>
/// A one-time code, printed at start-up while no user exists, that lets the person at the console create the first
/// admin from the browser. It lives only in this process's memory: no fixed password anywhere.
/// </summary>
public sealed class SetupCode
{
    public string Value { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(6));

    public bool Matches(string? code) =>
        code is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant()), System.Text.Encoding.UTF8.GetBytes(Value));
}
