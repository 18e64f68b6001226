using Microsoft.AspNetCore.SignalR;

namespace OmniIntake.Server.Infrastructure;

/// <summary>
/// Issue 12 item 13: SignalR logs every exception a hub method throws at Error with its stack, refusals included, so
/// one anonymous chat client guessing conversation tokens filled the log. A refusal (HubException: an unknown
/// conversation, a limit, an empty message) is one Debug line here; anything else is still logged at Error with its
/// stack, here instead of by SignalR's dispatcher (whose own log is raised to Critical in <see cref="Add"/>).
/// </summary>
public sealed class HubRefusals(ILogger<HubRefusals> logger) : IHubFilter
{
    private const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public static void Add(IServiceCollection services)
    {
        services.Configure<HubOptions>(o => o.AddFilter<HubRefusals>());
        services.AddLogging(l => l.AddFilter(DispatcherCategory, LogLevel.Critical));
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refused)
        {
            logger.LogDebug("{Hub}.{Method} refused: {Reason}", invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, refused.Message);
            throw;
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            logger.LogError(failed, "{Hub}.{Method} failed.", invocationContext.Hub.GetType().Name, invocationContext.HubMethodName);
            throw;
        }
    }
}
