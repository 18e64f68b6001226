using System.Diagnostics;
using System.Text;

namespace OmniIntake.Testing;

/// <summary>
/// The hub as a real operating-system process (dotnet OmniIntake.Server.dll from the test's output, which a test
/// project gets by referencing the server project), so a test can SIGKILL it mid-work the way a crash would, start
/// it again, or point a real browser at it.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <param name="url">Where it listens; a free port on 127.0.0.1 when null (see <see cref="FreeUrl"/>).</param>
    public static ServerProcess Start(IReadOnlyDictionary<string, string?> settings, string? url = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OmniIntake.Server.dll"));
        info.Environment["ASPNETCORE_URLS"] = url ?? "http://127.0.0.1:0";
        // The server's own folder as content root, so its wwwroot (console, SignalR client) is served as in production.
        info.Environment["ASPNETCORE_CONTENTROOT"] = ServerProjectDirectory();
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly what a crash leaves behind.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public bool HasExited => _process.HasExited;

    private static string ServerProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OmniIntake.sln"))) return Path.Combine(dir.FullName, "src", "OmniIntake.Server");
        }
        throw new DirectoryNotFoundException("The repository root (OmniIntake.sln) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>An http://127.0.0.1 address on a port nothing listens on right now.</summary>
    public static string FreeUrl() => $"http://127.0.0.1:{FreePort.Next()}";

    /// <summary>Waits until the server answers /readyz.</summary>
    public async Task WaitReadyAsync(string url, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (HasExited) throw new InvalidOperationException("The server exited:\n" + Output);
            try
            {
                if ((await http.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The server did not become ready:\n" + Output);
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
