using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using OmniIntake.Data.Accounts;
using OmniIntake.Core.Accounts;
using OmniIntake.Server.Infrastructure;

namespace OmniIntake.Server.Accounts;

/// <summary>Role-named authorization policies; every endpoint names one (the role-matrix test checks it).</summary>
public static class Policies
{
    public const string Agents = "agents";            // agent, supervisor, admin
    public const string Supervisors = "supervisors";  // supervisor, admin
    public const string Admins = "admins";            // admin
    public const string Staff = "staff";              // any signed-in role, owners included
    public const string Owners = "owners";            // owner, supervisor, admin

    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [Agents] = [Roles.Agent, Roles.Supervisor, Roles.Admin],
        [Supervisors] = [Roles.Supervisor, Roles.Admin],
        [Admins] = [Roles.Admin],
        [Staff] = [Roles.Agent, Roles.Owner, Roles.Supervisor, Roles.Admin],
        [Owners] = [Roles.Owner, Roles.Supervisor, Roles.Admin],
    };
}

public static class AccountsExtensions
{
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetailsAndJson();
        var options = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.AddSingleton(options);
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<SetupCode>();
        services.AddSingleton<SessionCheck>();
        services.AddSingleton<LiveSessions>();
        services.AddHostedService<LiveSessionsSweep>();
        services.Configure<HubOptions>(o => o.AddFilter<LiveSessionsFilter>());
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddDataProtection().SetApplicationName("OmniIntake");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<DataProtectionKeyStore>())));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "omniintake.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = options.SessionLifetime;
                o.SlidingExpiration = true;
                o.LoginPath = "/login.html";
                o.AccessDeniedPath = "/login.html";
                // The API and the hubs answer 401/403; only pages are redirected to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => Answer(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Answer(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
                // A session follows the account as it is now: switched off, it ends; new roles or department apply.
                o.Events.OnValidatePrincipal = ctx => ctx.HttpContext.RequestServices.GetRequiredService<SessionCheck>().ValidateAsync(ctx);
            });
        services.AddAuthorizationBuilder()
            // An endpoint that forgets to say who may call it is still closed to anonymous callers.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Agents, p => p.RequireRole(Policies.RolesOf[Policies.Agents]))
            .AddPolicy(Policies.Supervisors, p => p.RequireRole(Policies.RolesOf[Policies.Supervisors]))
            .AddPolicy(Policies.Admins, p => p.RequireRole(Policies.RolesOf[Policies.Admins]))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Policies.RolesOf[Policies.Staff]))
            .AddPolicy(Policies.Owners, p => p.RequireRole(Policies.RolesOf[Policies.Owners]));
        services.AddHostedService<AdminBootstrap>();
    }

    private static Task Answer(HttpContext context, string redirectUri, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/channels"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Bound from configuration section "Accounts".</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public int LockoutThreshold { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public int MinimumPasswordLength { get; set; } = 10;

    /// <summary>Optional first admin from configuration (e.g. environment variables); never a fixed default.</summary>
    public string? BootstrapAdminUsername { get; set; }

    public string? BootstrapAdminPassword { get; set; }
}
