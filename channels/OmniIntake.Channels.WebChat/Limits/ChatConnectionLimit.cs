using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OmniIntake.Channels.WebChat.Setup;

namespace OmniIntake.Channels.WebChat.Limits;

/// <summary>
/// New connections to /hubs/chat per client address (issue 12 item 12), with ASP.NET Core's rate limiter: a
/// negotiation, or a WebSocket opened without one, takes a permit; the polls and sends of an open connection do not.
/// Refused: 429 with Retry-After and a ProblemDetails whose detail is in the caller's language (zh-CN or English).
/// </summary>
public static class ChatConnectionLimit
{
    public const string Policy = "webchat-connections";

    public static void AddChatConnectionLimit(this IServiceCollection services, WebChatOptions options) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => IsNewConnection(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(ChatAllowance.Key(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.ConnectionsPerAddressPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("open-connection"));
            o.OnRejected = async (rejected, ct) =>
            {
                var after = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds));
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var chinese = rejected.HttpContext.Request.Headers.AcceptLanguage.ToString().StartsWith("zh", StringComparison.OrdinalIgnoreCase);
                await response.WriteAsJsonAsync(new
                {
                    type = "https://www.rfc-editor.org/rfc/rfc6585#section-4", title = "Too many connections", status = 429, code = "rate-limited",
                    detail = chinese
                        ? $"您所在的网络连接客服过于频繁，请 {seconds} 秒后再试。"
                        : $"Too many chat connections from your network; please try again in {seconds} s.",
                    retryAfter = seconds,
                }, ct);
            };
        });

    /// <summary>A negotiation, or a connection that skipped it (a WebSocket straight to the hub, no connection id).</summary>
    private static bool IsNewConnection(HttpRequest request) =>
        request.Path.Value?.EndsWith("/negotiate", StringComparison.OrdinalIgnoreCase) == true || !request.Query.ContainsKey("id");
}
