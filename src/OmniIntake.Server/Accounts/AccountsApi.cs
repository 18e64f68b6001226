using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Accounts;
using OmniIntake.Data.Accounts;
using OmniIntake.Server.Infrastructure;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Accounts;

public sealed record LoginRequest(string Username, string Password);

public sealed record SetupRequest(string SetupCode, string Username, string Password, string? DisplayName);

/// <summary>A user's new name, roles and department; <paramref name="Unlock"/> lifts a lockout. Takes effect at their next sign-in.</summary>
public sealed record UpdateUserRequest(string? DisplayName, string[]? Roles, long? DepartmentId, bool Unlock);

public sealed record SetPasswordRequest(string Password);

/// <summary>How a member of staff is named in the workspace (issue 14: display names, not usernames).</summary>
public sealed record StaffName(string Username, string DisplayName);

/// <summary>Switches an account off (true) or on again (false); its roles and department are kept.</summary>
public sealed record SetUserDisabledRequest(bool Disabled);

public sealed record CreateUserRequest(string Username, string? DisplayName, string Password, string[] Roles, long? DepartmentId);

/// <param name="Disabled">The account is switched off: it cannot sign in and is given no cases.</param>
public sealed record UserResponse(long Id, string Username, string DisplayName, IReadOnlyList<string> Roles, long? DepartmentId, bool Disabled = false);

public static class AccountClaims
{
    /// <summary>The department a complaint owner answers for.</summary>
    public const string Department = "department_id";

    /// <summary>The name the workspace shows for the signed-in user.</summary>
    public const string DisplayName = "display_name";

    public static long? DepartmentId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(Department), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
            out var id) ? id : null;
}

public static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/login", LoginAsync).AllowAnonymous().WithName("Login").WithSummary("Signs a user in with username and password and returns who they are.");
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization(Policies.Staff).WithName("Logout").WithSummary("Signs the current user out.");
        auth.MapGet("/me", Me).RequireAuthorization(Policies.Staff).WithName("GetMe").WithSummary("The signed-in user: username, display name and roles.");
        app.MapPost("/api/setup/admin", SetupAsync).AllowAnonymous().WithTags("Accounts").WithName("SetUpAdmin").WithSummary("On a new install only: creates the first admin account.");

        app.MapGet("/api/staff/names", async (UserStore store, CancellationToken ct) =>
                TypedResults.Ok((await store.ListAsync(ct)).Select(u => new StaffName(u.Username, u.DisplayName)).ToArray()))
            .RequireAuthorization(Policies.Staff).WithTags("Accounts").WithName("ListStaffNames")
            .WithSummary("For any member of staff: every account's username with the display name the workspace shows for it.");

        var users = app.MapGroup("/api/users").WithTags("Accounts").RequireAuthorization(Policies.Admins);
        users.MapGet("/", ListUsersAsync).WithName("ListUsers").WithSummary("For an admin: every user account.");
        users.MapPost("/", CreateUserAsync).WithName("CreateUser").WithSummary("For an admin: creates a user account with its roles.");
        users.MapPut("/{id:long}", UpdateUserAsync).WithName("UpdateUser").WithSummary("For an admin: changes a user's display name, roles, department or active state.");
        users.MapPut("/{id:long}/password", async (long id, SetPasswordRequest request, UserStore store, PasswordHashing hashing, AccountOptions options,
            CancellationToken ct) =>
        {
            if (Validate("x", request.Password, options) is { } problem) return (Results<NoContent, ProblemHttpResult>)problem;
            return await store.SetPasswordAsync(id, hashing.Hash(request.Password), ct)
                ? TypedResults.NoContent()
                : TypedResults.Problem($"There is no user {id}.", statusCode: 404, title: "Not found", extensions: ApiProblem.Code("account.not-found"));
        }).WithName("SetUserPassword").WithSummary("For an admin: sets a user's password.");
        users.MapPut("/{id:long}/disabled", SetDisabledAsync).WithName("SetUserDisabled")
            .WithSummary("For an admin: switches an account off (it cannot sign in, is given no cases) or on again; never one's own.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateUserAsync(long id, UpdateUserRequest request, UserStore users,
        Data.Departments.DepartmentStore departments, SessionCheck sessions, LiveSessions live, CancellationToken ct)
    {
        if (request.DepartmentId is { } departmentId && (await departments.ListAsync(ct)).All(d => d.Id != departmentId))
            return TypedResults.Problem($"There is no department {departmentId}.", statusCode: 400, title: "Invalid department", extensions: ApiProblem.Code("account.department-invalid"));
        var unknown = (request.Roles ?? []).Where(r => !Roles.IsKnown(r)).ToList();
        if (request.Roles is null || request.Roles.Length == 0 || unknown.Count > 0)
            return TypedResults.Problem($"Roles must be some of {string.Join(", ", Roles.All)} (unknown: {string.Join(", ", unknown)}).",
                statusCode: 400, title: "Invalid roles", extensions: ApiProblem.Code("account.roles-invalid"));
        var current = await users.FindByIdAsync(id, ct);
        if (current is null) return TypedResults.Problem($"There is no user {id}.", statusCode: 404, title: "Not found", extensions: ApiProblem.Code("account.not-found"));
        await users.UpdateAsync(id, string.IsNullOrWhiteSpace(request.DisplayName) ? current.DisplayName : request.DisplayName.Trim(), request.Roles.Distinct(),
            request.DepartmentId, request.Unlock, ct);
        sessions.Forget(id);
        await live.CheckAsync(id, ct); // its open live connections re-join with the new roles and department
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Accounts are switched off, never deleted: the audit trail names them (policy: every action is attributable).
    /// An admin cannot switch their own account off, so an install never loses its last way in by a slip.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> SetDisabledAsync(long id, SetUserDisabledRequest request, UserStore users,
        SessionCheck sessions, LiveSessions live, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.Disabled && user.FindFirstValue(ClaimTypes.NameIdentifier) == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return TypedResults.Problem("You cannot switch off your own account.", statusCode: 409, title: "Own account", extensions: ApiProblem.Code("account.self-disable"));
        if (!await users.SetDisabledAsync(id, request.Disabled, ct))
            return TypedResults.Problem($"There is no user {id}.", statusCode: 404, title: "Not found", extensions: ApiProblem.Code("account.not-found"));
        // Signed in elsewhere: the session ends with its next request (SessionCheck), not when its cookie expires.
        sessions.Forget(id);
        await live.CheckAsync(id, ct); // and its open live connections close now (this process; others within SessionCheck.Freshness)
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> LoginAsync(LoginRequest request, UserStore users,
        SignInFailures failures, PasswordHashing hashing, AccountOptions options, HttpContext context, CancellationToken ct)
    {
        var refused = TypedResults.Problem("Wrong username or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused", extensions: ApiProblem.Code("auth.sign-in-refused"));
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password) || request.Username.Length > 200) return refused;
        // Issue 12 item 13: locked per name AND client address, names that exist or not alike, so the answer (and its
        // time: a password is checked either way) says nothing about the name, and nobody locks a colleague out from elsewhere.
        var source = ClientAddress.Of(context);
        if (await failures.LockedUntilAsync(request.Username, source, ct) is { } until)
            return TypedResults.Problem($"Too many failed sign-ins from your address; try again after {until:u}.",
                statusCode: StatusCodes.Status423Locked, title: "Sign-in locked", extensions: ApiProblem.Code("auth.locked-out"));
        var user = await users.FindAsync(request.Username, ct);
        var matches = hashing.Verify(user?.PasswordHash ?? hashing.Decoy, request.Password);
        // A switched-off account is refused like a wrong password: the answer says nothing about which it was.
        if (user is null || !matches || user.DisabledAt is not null)
        {
            await failures.RecordFailureAsync(request.Username, source, options.LockoutThreshold, options.LockoutDuration, ct);
            return refused;
        }
        await failures.ClearAsync(request.Username, source, ct);

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountPrincipal.For(user));
        return TypedResults.Ok(new UserResponse(user.Id, user.Username, user.DisplayName, user.RoleList, user.DepartmentId));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context, ClaimsPrincipal user)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<UserResponse> Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new UserResponse(
            long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture),
            user.Identity!.Name!, user.FindFirstValue(AccountClaims.DisplayName) ?? user.Identity.Name!,
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(), user.DepartmentId()));

    private static async Task<Results<Created<UserResponse>, ProblemHttpResult>> SetupAsync(SetupRequest request, UserStore users,
        PasswordHashing hashing, AccountOptions options, SetupCode setup, CancellationToken ct)
    {
        if (!setup.Matches(request.SetupCode))
            return TypedResults.Problem("The setup code is wrong. It is printed in the server's console at start-up.",
                statusCode: StatusCodes.Status403Forbidden, title: "Setup refused", extensions: ApiProblem.Code("setup.code-wrong"));
        if (Validate(request.Username, request.Password, options) is { } problem) return problem;
        var id = await users.CreateFirstAdminAsync(request.Username, request.DisplayName ?? request.Username, hashing.Hash(request.Password), ct);
        if (id is null)
            return TypedResults.Problem("An account exists already; set-up is over. Sign in and use the admin pages.",
                statusCode: StatusCodes.Status409Conflict, title: "Setup done", extensions: ApiProblem.Code("setup.over"));
        return TypedResults.Created($"/api/users/{id}",
            new UserResponse(id.Value, request.Username.Trim().ToLowerInvariant(), request.DisplayName ?? request.Username,
                [Roles.Admin, Roles.Supervisor, Roles.Agent], null));
    }

    private static async Task<Ok<UserResponse[]>> ListUsersAsync(UserStore users, CancellationToken ct) =>
        TypedResults.Ok((await users.ListAsync(ct)).Select(u => new UserResponse(u.Id, u.Username, u.DisplayName, u.RoleList, u.DepartmentId, u.DisabledAt is not null)).ToArray());

    private static async Task<Results<Created<UserResponse>, ProblemHttpResult>> CreateUserAsync(CreateUserRequest request, UserStore users,
        PasswordHashing hashing, AccountOptions options, CancellationToken ct)
    {
        if (Validate(request.Username, request.Password, options) is { } problem) return problem;
        var unknown = (request.Roles ?? []).Where(r => !Roles.IsKnown(r)).ToList();
        if (request.Roles is null || request.Roles.Length == 0 || unknown.Count > 0)
            return TypedResults.Problem($"Roles must be some of {string.Join(", ", Roles.All)} (unknown: {string.Join(", ", unknown)}).",
                statusCode: 400, title: "Invalid roles", extensions: ApiProblem.Code("account.roles-invalid"));
        var id = await users.CreateAsync(request.Username, request.DisplayName ?? request.Username, hashing.Hash(request.Password),
            request.Roles.Distinct(), request.DepartmentId, ct);
        if (id is null) return TypedResults.Problem($"The username '{request.Username}' is taken.", statusCode: 409, title: "Username taken", extensions: ApiProblem.Code("account.username-taken"));
        return TypedResults.Created($"/api/users/{id}",
            new UserResponse(id.Value, request.Username.Trim().ToLowerInvariant(), request.DisplayName ?? request.Username, request.Roles,
                request.DepartmentId));
    }

    private static ProblemHttpResult? Validate(string? username, string? password, AccountOptions options)
    {
        if (string.IsNullOrWhiteSpace(username) || username.Trim().Length > 100 || username.Any(char.IsWhiteSpace))
            return TypedResults.Problem("A username is 1-100 characters without spaces.", statusCode: 400, title: "Invalid username", extensions: ApiProblem.Code("account.username-invalid"));
        if (password is null || password.Length < options.MinimumPasswordLength)
            return TypedResults.Problem($"A password is at least {options.MinimumPasswordLength} characters.", statusCode: 400,
                title: "Password too short", extensions: ApiProblem.Code("account.password-short"));
        return null;
    }
}
