using System.Diagnostics;

/// <summary>Creates and drops the benchmark's databases with psql on the private server bench/run-*.sh started.</summary>
internal static class BenchPostgres
{
    /// <param name="server">The "Host=...;Port=...;Username=...;Password=...;Database=postgres" connection string.</param>
    public static async Task RunAsync(string server, string sql, string database = "postgres")
    {
        var parts = server.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var info = new ProcessStartInfo("psql", ["-h", parts["Host"], "-p", parts["Port"], "-U", parts["Username"], "-d", database, "-qc", sql])
        {
            Environment = { ["PGPASSWORD"] = parts["Password"] }, UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        await process.WaitForExitAsync();
    }
}
