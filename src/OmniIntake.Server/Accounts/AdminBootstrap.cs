using OmniIntake.Data.Accounts;

namespace OmniIntake.Server.Accounts;

/// <summary>
/// On start-up with no user: creates the admin named in configuration (Accounts__BootstrapAdminUsername/Password),
/// or prints how to create one with the one-time setup code.
/// </summary>
public sealed class AdminBootstrap(UserStore users, PasswordHashing hashing, AccountOptions options, SetupCode setup,
    ILogger<AdminBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await users.CountAsync(cancellationToken) > 0) return;
        if (!string.IsNullOrWhiteSpace(options.BootstrapAdminUsername) && !string.IsNullOrEmpty(options.BootstrapAdminPassword))
        {
            if (options.BootstrapAdminPassword.Length < options.MinimumPasswordLength)
                throw new InvalidOperationException(
                    $"Accounts:BootstrapAdminPassword must be at least {options.MinimumPasswordLength} characters (got {options.BootstrapAdminPassword.Length}).");
            var id = await users.CreateFirstAdminAsync(options.BootstrapAdminUsername, options.BootstrapAdminUsername,
                hashing.Hash(options.BootstrapAdminPassword), cancellationToken);
            if (id is not null) logger.LogInformation("Created the first admin '{User}' from configuration.", options.BootstrapAdminUsername);
            return;
        }
        // Printed, not only logged, so a newcomer sees it whatever the log level.
        Console.WriteLine();
        Console.WriteLine("  No admin account exists yet. Create the first one:");
        Console.WriteLine("    in the browser: open /setup.html and enter the one-time setup code " + setup.Value);
        Console.WriteLine("    or restart with Accounts__BootstrapAdminUsername=<name> Accounts__BootstrapAdminPassword=<password>");
        Console.WriteLine();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
