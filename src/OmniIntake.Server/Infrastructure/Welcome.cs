using Microsoft.AspNetCore.Hosting.Server;
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
            var server = app.Services.GetRequiredService<IServer>();
            var addresses = ServerAddresses.All(server);
            var first = ServerAddresses.First(server);
            var database = app.Services.GetRequiredService<DatabaseOptions>();
            Console.WriteLine();
            Console.WriteLine($"  OmniIntake is running on {string.Join(", ", addresses)} ({database.Provider})");
            // Every page a newcomer may look for (issue 14: the banner omitted most of them).
            Console.WriteLine($"    staff workspace {first}/app/   (sign in; each role lands where it works)");
            Console.WriteLine($"    first admin     {first}/setup.html");
            Console.WriteLine($"    customer chat   {first}/chat");
            Console.WriteLine($"    case status     {first}/status   (customers follow their case)");
            Console.WriteLine($"    agent console   {first}/console.html");
            Console.WriteLine($"    owner           {first}/app/owner");
            Console.WriteLine($"    supervisor      {first}/app/board   policy {first}/policy.html   channels {first}/channels.html");
            Console.WriteLine($"    admin           {first}/admin");
            Console.WriteLine($"    API (OpenAPI)   {first}/openapi/v1.json");
            Console.WriteLine($"    health          {first}/healthz  {first}/readyz");
            Console.WriteLine();
        });
    }
}
