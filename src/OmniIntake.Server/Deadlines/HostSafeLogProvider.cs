using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace OmniIntake.Server.Deadlines;

/// <summary>
/// Hangfire keeps its log provider in a static. When several hosts live in one process (the tests: a restart is a
/// second host), a component may still log through a host already disposed; that must not crash the live one.
/// </summary>
internal sealed class HostSafeLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new SafeLog(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new SafeLog(null);
        }
    }

    private sealed class SafeLog(ILog? inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
