using System.Net;
using System.Net.Sockets;

namespace OmniIntake.Testing;

/// <summary>A port on 127.0.0.1 that nothing listens on right now (the stand-ins, the relay, the server process).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
