using System.Security.Claims;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Attachments;

namespace OmniIntake.Server.Cases;

/// <summary>
/// GET /api/messages/{id}/attachments/{key}: an attachment of a message, for staff who may see its case (agents any case,
/// an owner a case forwarded to their department). A download (Content-Disposition: attachment), or with ?inline=true an
/// image shown as that image (sniffed, nosniff, a CSP that runs nothing): never HTML or SVG rendered by the browser,
/// whatever the sender called it (issue 16 item 4).
/// </summary>
public static class AttachmentsApi
{
    public static void MapAttachmentsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/messages/{id:long}/attachments/{key}", OpenAsync).WithTags("Cases").RequireAuthorization(Policies.Staff).WithName("OpenAttachment").WithSummary("For staff: opens (or downloads) a file attached to a message.").Produces<Stream>(200, "application/octet-stream").Produces(404);

    private static async Task<IResult> OpenAsync(long id, string key, bool? inline, AttachmentFiles files, ClaimsPrincipal user, HttpResponse response,
        CancellationToken ct)
    {
        var opened = await files.OpenAsync(id, key, ct);
        // Not the user's to see reads as not there (case records are confidential).
        if (opened is null || !user.MaySee(opened.Case))
            return TypedResults.NotFound($"Message {id} has no attachment '{key}' you may open, or it is no longer stored.");
        return AttachmentFiles.Serve(response, opened.Content, inline == true);
    }
}
