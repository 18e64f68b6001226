using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using OmniIntake.Channels.Email.Parsing;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Intake;

namespace OmniIntake.Channels.Email.Pipe;

/// <summary>Bound from configuration section "Channels:Email".</summary>
public sealed class EmailChannelOptions
{
    public const string Section = "Channels:Email";

    /// <summary>The key an MTA sends in X-Api-Key to pipe mail in; the pipe is closed while it is not set.</summary>
    public string? PipeApiKey { get; set; }

    public int MaxMessageBytes { get; set; } = 25 * 1024 * 1024;
}

public sealed record PipedEmail(string Kind, long RawId, string? CaseNumber, string? Outcome);

/// <summary>
/// POST /channels/email/inbound: a raw RFC 822 message (Content-Type: message/rfc822) from an MTA, protected by an API
/// key. The raw bytes are kept before parsing; then the mail is taken in, or set aside when it is not a complaint, or
/// kept as failed with its error (issue 3).
/// </summary>
public static class EmailPipe
{
    public const string Path = "/channels/email/inbound";

    public static void AddEmailChannel(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(EmailChannelOptions.Section).Get<EmailChannelOptions>() ?? new EmailChannelOptions();
        if (options.PipeApiKey is { Length: > 0 and < 16 })
            throw new InvalidOperationException($"Channels:Email:PipeApiKey must be at least 16 characters (got {options.PipeApiKey.Length}).");
        if (options.MaxMessageBytes is < 1024 or > 200 * 1024 * 1024)
            throw new InvalidOperationException($"Channels:Email:MaxMessageBytes must be 1 KiB-200 MiB (got {options.MaxMessageBytes}).");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<EmailReader>();
    }

    public static void MapEmailChannel(this IEndpointRouteBuilder app) =>
        // Authenticated by its own API key, not by a signed-in user: an MTA has no account.
        app.MapPost(Path, PipeAsync).AllowAnonymous().WithTags("Channels").DisableAntiforgery();

    private static async Task<Results<Ok<PipedEmail>, Accepted<PipedEmail>, ProblemHttpResult>> PipeAsync(HttpRequest request,
        EmailChannelOptions options, EmailReader reader, IRawMessageStore raw, IIntake intake, TimeProvider clock, ILoggerFactory logs,
        CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.PipeApiKey))
            return TypedResults.Problem("The e-mail pipe is not configured (Channels:Email:PipeApiKey).", statusCode: 503, title: "Pipe closed");
        if (!KeyMatches(request.Headers["X-Api-Key"].ToString(), options.PipeApiKey))
            return TypedResults.Problem("Send the pipe's API key in X-Api-Key.", statusCode: 401, title: "Wrong API key");
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "message/rfc822", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem($"Content-Type must be message/rfc822 (got '{request.ContentType}').", statusCode: 415, title: "Not a message");
        if (request.ContentLength > options.MaxMessageBytes)
            return TypedResults.Problem($"A message is at most {options.MaxMessageBytes} bytes (got {request.ContentLength}).", statusCode: 413, title: "Too large");

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > options.MaxMessageBytes)
            return TypedResults.Problem($"A message is at most {options.MaxMessageBytes} bytes.", statusCode: 413, title: "Too large");
        if (buffer.Length == 0) return TypedResults.Problem("The body is empty.", statusCode: 400, title: "Empty message");
        var bytes = buffer.ToArray();
        var receivedAt = clock.GetUtcNow();
        var externalId = EmailReader.ContentId(bytes);
        // Durable before anything else is tried: an unreadable mail is kept, never lost.
        var rawId = await raw.KeepAsync(new RawMessage(Channel.Email, externalId, bytes, "message/rfc822", receivedAt), ct);

        ParsedEmail parsed;
        try
        {
            parsed = reader.Read(new MemoryStream(bytes, writable: false), externalId, receivedAt);
        }
        catch (Exception ex) when (ex is FormatException or ParseException or DecoderFallbackException or ArgumentException)
        {
            await raw.SettleAsync(rawId, RawDisposition.Failed, null, ex.Message, ct);
            logs.CreateLogger(typeof(EmailPipe)).LogWarning("Piped mail {RawId} could not be read and was set aside: {Error}", rawId, ex.Message);
            return TypedResults.Problem($"The message could not be read ({ex.Message}); it is kept as raw message {rawId} for re-processing.",
                statusCode: 422, title: "Unreadable message");
        }
        var kind = parsed.Kind.ToString().ToLowerInvariant();
        if (parsed.Message is null)
        {
            await raw.SettleAsync(rawId, RawDisposition.SetAside, null, parsed.Summary, ct);
            return TypedResults.Accepted((string?)null, new PipedEmail(kind, rawId, null, null));
        }
        try
        {
            var result = await intake.AcceptAsync(parsed.Message, ct);
            await raw.SettleAsync(rawId, RawDisposition.Taken, result.CaseId, null, ct);
            return TypedResults.Ok(new PipedEmail(kind, rawId, result.CaseNumber, result.Outcome.ToString().ToLowerInvariant()));
        }
        catch (InvalidInboundMessageException ex)
        {
            await raw.SettleAsync(rawId, RawDisposition.Failed, null, ex.Message, ct);
            return TypedResults.Problem($"{ex.Message} It is kept as raw message {rawId}.", statusCode: 422, title: "Message refused");
        }
    }

    private static bool KeyMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
