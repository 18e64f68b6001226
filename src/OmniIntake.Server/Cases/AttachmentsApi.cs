using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Messages;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Accounts;

namespace OmniIntake.Server.Cases;

/// <summary>
/// GET /api/messages/{id}/attachments/{key}: an attachment of a message, for agents. Always a download
/// (Content-Disposition: attachment, nosniff), never rendered by the browser, whatever the sender called it.
/// </summary>
public static class AttachmentsApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapAttachmentsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/messages/{id:long}/attachments/{key}", OpenAsync).WithTags("Cases").RequireAuthorization(Policies.Agents);

    private static async Task<Results<FileContentHttpResult, NotFound<string>>> OpenAsync(long id, string key,
        CaseQueries queries, IEnumerable<IAttachmentSource> sources, CancellationToken ct)
    {
        var message = await queries.MessageAsync(id, ct);
        if (message is null) return TypedResults.NotFound($"Message {id} does not exist.");
        var listed = JsonSerializer.Deserialize<List<Attachment>>(message.Attachments, Json) ?? [];
        var attachment = listed.FirstOrDefault(a => a.StorageKey == key);
        // A refused attachment has no key: the case shows its name and why it was not kept.
        if (attachment is null) return TypedResults.NotFound($"Message {id} has no attachment '{key}'.");
        var source = ChannelNames.TryParse(message.Channel, out var channel) ? sources.FirstOrDefault(s => s.Channel == channel) : null;
        var content = source is null || message.ExternalId is null ? null : await source.OpenAsync(message.ExternalId, key, ct);
        if (content is null) return TypedResults.NotFound($"The attachment '{attachment.FileName}' is no longer stored.");
        return TypedResults.File(content.Content, "application/octet-stream", attachment.FileName);
    }
}
