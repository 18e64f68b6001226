using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OmniIntake.Channels.WebChat.Hub;
using OmniIntake.Channels.WebChat.Limits;
using OmniIntake.Core.Outbound;

namespace OmniIntake.Channels.WebChat.Setup;

/// <summary>Wires the web chat: the hub (/hubs/chat), the widget (/widget.js, /widget.css), the demo page (/chat), the reply sender.</summary>
public static class WebChatSetup
{
    public static void AddWebChat(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WebChatOptions.Section).Get<WebChatOptions>() ?? new WebChatOptions();
        var errors = options.Validate();
        if (errors.Count > 0) throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IChannelSender, ChatSender>();
        builder.Services.AddSingleton<ChatAllowance>();
        builder.Services.AddChatConnectionLimit(options);
    }

    public static void MapWebChat(this IEndpointRouteBuilder app)
    {
        // The customer has no account: the conversation token authorises, so the hub allows anonymous callers.
        var options = app.ServiceProvider.GetRequiredService<WebChatOptions>();
        app.MapHub<ChatHub>(ChatHub.Path).AllowAnonymous().RequireRateLimiting(ChatConnectionLimit.Policy).Add(endpoint =>
        {
            // Issue 12 item 11: browsers on other sites than the configured ones are refused (negotiation, polls, upgrade).
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                var origin = context.Request.Headers.Origin.ToString();
                if (origin.Length == 0 || options.Allows(origin, context.Request.Host.Value ?? "")) return inner(context);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return context.Response.WriteAsJsonAsync(new
                {
                    title = "Origin not allowed", status = 403,
                    detail = $"The chat does not answer pages of {origin}; an administrator lists the widget's sites in Channels:WebChat:AllowedOrigins.",
                });
            };
        });
        app.MapGet("/widget.js", () => Asset("widget.js", "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/widget.css", () => Asset("widget.css", "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/chat", () => Asset("chat.html", "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Asset(string name, string contentType)
    {
        using var stream = typeof(WebChatSetup).Assembly.GetManifestResourceStream("WebChat." + name)
                           ?? throw new InvalidOperationException($"The web chat asset {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), contentType);
    }
}
