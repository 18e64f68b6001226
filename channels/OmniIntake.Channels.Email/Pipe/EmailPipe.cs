using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OmniIntake.Channels.Email.Ingest;
using OmniIntake.Channels.Email.Parsing;
using OmniIntake.Channels.Email.Setup;
using OmniIntake.Core.Intake;

namespace OmniIntake.Channels.Email.Pipe;

public sealed record PipedEmail(string? Kind, long RawId, string? CaseNumber, string? Outcome);

/// <summary>
/// POST /channels/email/inbound: a raw RFC 822 message (Content-Type: message/rfc822) from an MTA, protected by an API
/// key. The message is committed (raw, then its case) before the answer; an unreadable one is kept as failed (422).
/// </summary>
public static class EmailPipe
{
    public const string Path = "/channels/email/inbound";

    public static void MapEmailPipe(this IEndpointRouteBuilder app) =>
        // Authenticated by its own API key, not by a signed-in user: an MTA has no account.
        app.MapPost(Path, PipeAsync).AllowAnonymous().WithTags("Channels").DisableAntiforgery();

    private static async Task<Results<Ok<PipedEmail>, Accepted<PipedEmail>, ProblemHttpResult>> PipeAsync(HttpRequest request,
        EmailChannelOptions options, EmailIngestor ingestor, TimeProvider clock, CancellationToken ct)
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

        var result = await ingestor.IngestAsync(bytes, EmailReader.ContentId(bytes), clock.GetUtcNow(), recogniseCopies: false, ct);
        var kind = result.Kind?.ToString().ToLowerInvariant();
        return result.Disposition switch
        {
            RawDisposition.Taken => TypedResults.Ok(new PipedEmail(kind, result.RawId, result.Intake?.CaseNumber,
                result.Intake?.Outcome.ToString().ToLowerInvariant())),
            RawDisposition.Failed => TypedResults.Problem($"{result.Error} It is kept as raw message {result.RawId} for re-processing.",
                statusCode: 422, title: "Message refused"),
            _ => TypedResults.Accepted((string?)null, new PipedEmail(kind, result.RawId, null, null)),
        };
    }

    private static bool KeyMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
