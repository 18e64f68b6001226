using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using OmniIntake.Core.Intake;

namespace OmniIntake.Server.Infrastructure;

public static class WebFoundation
{
    /// <summary>ProblemDetails for every error, security headers, static UI assets, auth.</summary>
    public static void UseWebFoundation(this WebApplication app)
    {
        // Issue 12 items 12-13: the client address and scheme from known proxies only (KnownProxies); HSTS on HTTPS requests.
        app.UseForwardedHeaders();
        app.UseHsts();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex switch
            {
                InvalidInboundMessageException or BadHttpRequestException => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        app.Use(ExpectedRefusals.RefuseUnknownCharsetAsync);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // No inline script anywhere in the UI; connect-src 'self' covers the SignalR WebSocket.
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
            await next();
        });
        app.Use(async (context, next) =>
        {
            if ((CrossSiteWrite(context.Request) ?? StaffOrigins.ForeignOrigin(context.Request)) is { } why)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new { title = "Cross-site request refused", status = 403, detail = why, code = "request.cross-site" });
                return;
            }
            await next();
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    /// <summary>
    /// CSRF protection for the staff's API and hub, besides the SameSite=Strict cookie: a state-changing request a
    /// browser sends from another site says so (Fetch Metadata "Sec-Fetch-Site", or an "Origin" of another host) and is
    /// refused. Clients that are not browsers send neither and are not a CSRF vector. The chat widget's hub and the
    /// channels' webhooks are meant to be called from elsewhere and are left out.
    /// </summary>
    internal static string? CrossSiteWrite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)) return null;
        if (!request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/hubs/agents")) return null;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site" or "same-site")
            return $"A {request.Method} to {request.Path} from another site ({site}) is refused.";
        var origin = request.Headers.Origin.ToString();
        // "null" comes from sandboxed frames and privacy-sensitive redirects, never from our own pages.
        if (origin.Length > 0
            && (!Uri.TryCreate(origin, UriKind.Absolute, out var from) || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)))
            return $"A {request.Method} to {request.Path} from {origin} is refused.";
        return null;
    }

    public static void AddProblemDetailsAndJson(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.ApiProblem.AddCode);
        services.AddExceptionHandler<InvalidInboundMessageHandler>();
        services.AddExceptionHandler<ExpectedRefusals.BadRequestHandler>();
        HubRefusals.Add(services);
        services.Configure<JsonOptions>(o =>
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    }

    /// <summary>A channel handed the pipeline a message that breaks the rules: 400 with every reason.</summary>
    private sealed class InvalidInboundMessageHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not InvalidInboundMessageException invalid) return false;
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Title = "The message was refused.", Detail = invalid.Message, Status = 400,
                    Extensions = { ["errors"] = invalid.Errors, ["code"] = "intake.message-refused" },
                },
            });
        }
    }
}
