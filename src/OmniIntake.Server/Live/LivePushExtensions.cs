using OmniIntake.Core.Events;

namespace OmniIntake.Server.Live;

public static class LivePushExtensions
{
    public static void AddLivePush(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LiveOptions.Section).Get<LiveOptions>() ?? new LiveOptions();
        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > TimeSpan.FromMinutes(1))
            throw new InvalidOperationException($"Live:PollInterval must be between 0 and 1 minute (got '{options.PollInterval}').");
        builder.Services.AddSingleton(options);
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<EventLogSignal>();
        builder.Services.AddSingleton<IEventLogSignal>(sp => sp.GetRequiredService<EventLogSignal>());
        builder.Services.AddHostedService<EventDispatcher>();
    }

    public static void MapLivePush(this IEndpointRouteBuilder app) => app.MapHub<AgentHub>(AgentHub.Path);
}
