using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace OmniIntake.Testing;

/// <summary>
/// A redis-server of one test's own, on a port of its own, that the test can stop and start again on the same port (a
/// Redis restart, issue 12): the shared OMNIINTAKE_TEST_REDIS must never go down under other tests.
/// </summary>
public sealed class PrivateRedis : IDisposable
{
    private Process? _server;

    private PrivateRedis() => Port = FreePort.Next();

    public int Port { get; }

    /// <summary>"host:port", as Live:Redis takes it.</summary>
    public string Connection => $"127.0.0.1:{Port}";

    public static async Task<PrivateRedis> StartAsync()
    {
        var redis = new PrivateRedis();
        await redis.StartServerAsync();
        return redis;
    }

    /// <summary>Stops the server (SIGKILL: every client connection drops at once), waits <paramref name="down"/>, starts it again empty.</summary>
    public async Task RestartAsync(TimeSpan down)
    {
        Stop();
        await Task.Delay(down);
        await StartServerAsync();
    }

    private void Stop()
    {
        if (_server is null) return;
        if (!_server.HasExited) _server.Kill();
        _server.WaitForExit();
        _server.Dispose();
        _server = null;
    }

    private async Task StartServerAsync()
    {
        var info = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", "", "--appendonly", "no", "--dir", Path.GetTempPath() })
            info.ArgumentList.Add(argument);
        _server = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start (is it installed? infra/redis/install.sh).");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < until)
        {
            if (await PingsAsync()) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"redis-server on port {Port} did not answer PING.");
    }

    /// <summary>Sends one inline command ("PUBSUB NUMSUB channel") and returns the raw reply, for a failure's message.</summary>
    public async Task<string> CommandAsync(string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"));
        var buffer = new byte[8192];
        await Task.Delay(100);
        var read = await stream.ReadAsync(buffer);
        return Encoding.UTF8.GetString(buffer, 0, read).ReplaceLineEndings(" ");
    }

    private async Task<bool> PingsAsync()
    {
        try
        {
            return (await CommandAsync("PING")).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose() => Stop();
}
