using System.Data.Common;
using System.Net.Sockets;

namespace OmniIntake.Core.Resilience;

/// <summary>
/// Whether a failure is a dependency being away for a while (a database, Redis, a mail server, a provider's API) rather
/// than a bug: such a failure is expected in operation and logged as one line, without a stack trace (issue 12).
/// </summary>
public static class TransientFailure
{
    // Client libraries the core does not reference, known by the namespace of their exception types.
    private static readonly string[] DependencyNamespaces = ["StackExchange.Redis", "MailKit", "MimeKit", "Twilio", "Npgsql", "Microsoft.Data.Sqlite"];

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException or SocketException or IOException or HttpRequestException or OperationCanceledException) return true;
            if (e.GetType().Namespace is { } ns && DependencyNamespaces.Any(d => ns.StartsWith(d, StringComparison.Ordinal))) return true;
        }
        return false;
    }

    /// <summary>"TypeName: message" of the failure and of what caused it, on one line.</summary>
    public static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null && parts.Count < 3; e = e.InnerException)
            parts.Add($"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        return string.Join(" <- ", parts);
    }
}
