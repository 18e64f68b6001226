using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OmniIntake.Data;

namespace OmniIntake.Server.Infrastructure;

public static class Welcome
{
    /// <summary>Prints where to go once the hub listens, so a newcomer can open it in a browser.</summary>
    public static void PrintWelcome(this WebApplication app)
    {
        if (app.Environment.IsEnvironment("Testing")) return; // test hosts start by the hundred; nobody reads it there
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var first = addresses.FirstOrDefault()?.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)
                .Replace("[::]", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal) ?? "http://localhost:5000";
            var database = app.Services.GetRequiredService<DatabaseOptions>();
            Console.WriteLine();
            Console.WriteLine($"  OmniIntake is running on {string.Join(", ", addresses)} ({database.Provider})");
            Console.WriteLine($"    customer chat   {first}/chat");
            Console.WriteLine($"    agent console   {first}/console.html");
            Console.WriteLine($"    sign in         {first}/login.html");
            Console.WriteLine($"    API (OpenAPI)   {first}/openapi/v1.json");
            Console.WriteLine($"    health          {first}/healthz  {first}/readyz");
            Console.WriteLine();
        });
    }
}
