using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using OmniIntake.Core.Intake;

namespace OmniIntake.Server.Infrastructure;

public static class WebFoundation
{
    /// <summary>ProblemDetails for every error, security headers, static UI assets, auth.</summary>
    public static void UseWebFoundation(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex switch
            {
                InvalidInboundMessageException or BadHttpRequestException => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
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
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    public static void AddProblemDetailsAndJson(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<InvalidInboundMessageHandler>();
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
                    Extensions = { ["errors"] = invalid.Errors },
                },
            });
        }
    }
}
