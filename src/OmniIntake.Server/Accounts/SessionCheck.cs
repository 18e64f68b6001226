using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OmniIntake.Data.Accounts;

namespace OmniIntake.Server.Accounts;

/// <summary>
/// Checks every signed-in request against the account as it is now, not as it was at sign-in: a switched-off account
/// loses its session at once (not when its cookie expires), and changed roles, department or display name take effect
/// without signing in again (an owner moved to another department must stop reading the old one's cases). The account
/// is read at most every <see cref="Freshness"/> per process; changes made through this process are seen at once.
/// </summary>
public sealed class SessionCheck(UserStore users, TimeProvider clock)
{
    /// <summary>How long another process may go on trusting what it read (a change made elsewhere reaches it within this).</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<long, (UserRecord? Account, DateTimeOffset ReadAt)> _read = new();

    /// <summary>An admin changed the account here: the next request reads it again.</summary>
    public void Forget(long id) => _read.TryRemove(id, out _);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal
            || !long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var id))
            return;
        var account = await CurrentAsync(id, context.HttpContext.RequestAborted);
        if (account is null || account.DisabledAt is not null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (!AccountPrincipal.Matches(principal, account))
        {
            context.ReplacePrincipal(AccountPrincipal.For(account));
            context.ShouldRenew = true;
        }
    }

    /// <summary>The account as this process last read it, at most <see cref="Freshness"/> old; null when there is none.</summary>
    public async Task<UserRecord?> CurrentAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_read.TryGetValue(id, out var known) && now - known.ReadAt < Freshness) return known.Account;
        var account = await users.FindByIdAsync(id, ct);
        _read[id] = (account, now);
        return account;
    }
}

/// <summary>The claims a session carries for an account: written at sign-in and refreshed by <see cref="SessionCheck"/>.</summary>
public static class AccountPrincipal
{
    public static ClaimsPrincipal For(UserRecord user)
    {
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Username));
        identity.AddClaim(new Claim(AccountClaims.DisplayName, user.DisplayName));
        foreach (var role in user.RoleList) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        if (user.DepartmentId is { } department)
            identity.AddClaim(new Claim(AccountClaims.Department, department.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Whether the session still says what the account says (roles in any order).</summary>
    public static bool Matches(ClaimsPrincipal principal, UserRecord user) =>
        principal.FindFirstValue(ClaimTypes.Name) == user.Username
        && principal.FindFirstValue(AccountClaims.DisplayName) == user.DisplayName
        && principal.DepartmentId() == user.DepartmentId
        && principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal)
            .SequenceEqual(user.RoleList.Order(StringComparer.Ordinal), StringComparer.Ordinal);
}
