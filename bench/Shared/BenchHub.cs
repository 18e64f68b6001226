using System.Diagnostics;

/// <summary>
/// The hub as a process of its own, for the benchmarks that measure it from outside: the Release build bench_hub
/// (bench/common.sh) leaves at OMNIINTAKE_HUB_DLL, on PostgreSQL, signed in as "bench", logging warnings only; each
/// setting an environment variable ("Live:Redis" as Live__Redis); its errors echoed as "hub: ...".
/// </summary>
internal static class BenchHub
{
    public const string Username = "bench";
    public const string Password = "bench-password-only";

    public static Process Start(string url, string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dll = Environment.GetEnvironmentVariable("OMNIINTAKE_HUB_DLL")
                  ?? throw new InvalidOperationException("Set OMNIINTAKE_HUB_DLL (bench/common.sh's bench_hub does).");
        var info = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var all = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = url, ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connectionString,
            ["Accounts:BootstrapAdminUsername"] = Username, ["Accounts:BootstrapAdminPassword"] = Password, ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        foreach (var (key, value) in all)
        {
            // A null setting is one the hub does not get (Live:Redis off): not inherited from this process either.
            var name = key.Replace(":", "__", StringComparison.Ordinal);
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("hub: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Until the hub answers /readyz; five minutes by default (a loaded machine's first start migrates the database).</summary>
    public static async Task WaitReadyAsync(Process hub, string url, TimeSpan? timeout = null)
    {
        using var http = new HttpClient();
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(5));
        while (DateTime.UtcNow < until)
        {
            if (hub.HasExited) throw new InvalidOperationException($"The hub at {url} exited (code {hub.ExitCode}).");
            try
            {
                if ((await http.GetAsync(url + "/readyz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The hub at {url} did not become ready.");
    }

    public static async Task StopAsync(Process hub)
    {
        if (!hub.HasExited) hub.Kill(entireProcessTree: true);
        await hub.WaitForExitAsync();
    }
}
