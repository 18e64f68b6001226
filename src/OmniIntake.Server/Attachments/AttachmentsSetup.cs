using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using OmniIntake.Channels.WebChat.Hub;
using OmniIntake.Channels.WebChat.Setup;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Attachments;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Conversations;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Messages;
using OmniIntake.Data.Attachments;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Cases;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Attachments;

/// <summary>What the widget gets back for a file it sent into the case; no case number while it waits for the registration.</summary>
public sealed record ChatFileResult(string? CaseNumber, string FileName, long Size, string ContentType, ChatMessage Message);

/// <summary>
/// Attachments both ways (issue 16 item 4): the one store, who may open a file (staff who may see the case; a customer
/// with a signed link), and the widget's upload into the case.
/// </summary>
public static class AttachmentsSetup
{
    public const string ChatTokenHeader = "X-Chat-Token";

    public static void AddAttachments(this WebApplicationBuilder builder)
    {
        var rules = builder.Configuration.GetSection(AttachmentRules.Section).Get<AttachmentRules>() ?? new AttachmentRules();
        var errors = rules.Validate();
        if (errors.Count > 0) throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        builder.Services.AddSingleton(rules);
        builder.Services.AddSingleton(builder.Configuration.GetSection(AttachmentRules.Section).Get<AttachmentLinkOptions>() ?? new AttachmentLinkOptions());
        builder.Services.AddSingleton<IAttachmentStore, SqlAttachmentStore>();
        builder.Services.AddSingleton<WithdrawalStore>();
        builder.Services.AddSingleton<MessageCaseQuery>();
        builder.Services.AddSingleton<AttachmentFiles>();
        builder.Services.AddSingleton<AttachmentLinks>();
        builder.Services.AddSingleton<ReplyFiles>();
    }

    public static void MapAttachments(this WebApplication app)
    {
        app.MapGet("/files/{token}", OpenLinkAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/api/chat/files", ChatUploadAsync).WithTags("Attachments").AllowAnonymous().DisableAntiforgery().WithName("UploadChatFile").WithSummary("For a chat customer: sends a file in their conversation; it joins their complaint.").Produces<ChatFileResult>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        // The widget runs on the organisation's sites: a preflight from a site in Channels:WebChat:AllowedOrigins is answered.
        app.MapMethods("/api/chat/files", ["OPTIONS"], (HttpContext http, WebChatOptions options) =>
            AllowOrigin(http, options) ? Results.NoContent() : Results.StatusCode(StatusCodes.Status403Forbidden)).AllowAnonymous().ExcludeFromDescription().ExcludeFromDescription();
        app.MapPost("/api/cases/{id:long}/files", AgentUploadAsync).WithTags("Attachments").RequireAuthorization(Policies.Agents).DisableAntiforgery().WithName("UploadCaseFile").WithSummary("For an agent: uploads a file to attach to their next reply on a case.").Produces<OmniIntake.Core.Messages.Attachment>().ProducesProblem(400).ProducesProblem(404);
        app.MapGet("/api/cases/{id:long}/withdrawals", WithdrawalsAsync).WithTags("Attachments").RequireAuthorization(Policies.Staff).WithName("ListWithdrawals").WithSummary("For staff: the files a customer withdrew from a case, when and why.").Produces<IReadOnlyList<WithdrawalView>>().ProducesProblem(404);
    }

    /// <summary>Staff who may see the case: agents, supervisors and admins any case, an owner a case forwarded to their department.</summary>
    public static bool MaySee(this ClaimsPrincipal user, MessageCase owner) =>
        user.IsInRole(Roles.Agent) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin) || user.OwnerScope().Covers(owner.DepartmentId, owner.Status);

    private static async Task<IResult> OpenLinkAsync(string token, AttachmentLinks links, AttachmentFiles files, HttpResponse response, CancellationToken ct)
    {
        // Expired or altered links and files that are gone read alike: nothing to say about what exists.
        if (links.Read(token) is not { } target || await files.OpenAsync(target.MessageId, target.Key, ct) is not { } opened)
            return TypedResults.Problem("This link has expired or is not valid; ask us to send the file again.", statusCode: 404, title: "attachment.link-expired",
                extensions: ApiProblem.Code("attachment.link-expired"));
        return AttachmentFiles.Serve(response, opened.Content, inline: true);
    }

    /// <summary>An agent's file for a reply: checked and kept now, so a refusal is said before the reply is written.</summary>
    private static async Task<IResult> AgentUploadAsync(long id, HttpRequest http, IAttachmentStore store, AttachmentRules rules, Data.Cases.CaseQueries queries,
        CancellationToken ct)
    {
        if (await queries.GetAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct) is null)
            return ApiProblem.Of(404, "case.not-found", "Not found", $"Case {id} does not exist.");
        var (file, refusal) = await CustomerUpload.ReadAsync(http, rules, ct);
        if (file is null) return CustomerUpload.Refuse(refusal!, rules);
        var kept = await store.KeepAsync(file.FileName, file.Content, ct);
        return kept.StorageKey is null ? CustomerUpload.Refuse(kept.RefusedReason!, rules) : TypedResults.Ok(kept);
    }

    private static async Task<IResult> WithdrawalsAsync(long id, WithdrawalStore withdrawals, Data.Cases.CaseQueries queries, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var detail = await queries.GetAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        if (detail is null || !user.MaySee(new MessageCase { CaseId = id, DepartmentId = detail.Case.DepartmentId, Status = detail.Case.Status }))
            return ApiProblem.Of(404, "case.not-found", "Not found", $"Case {id} does not exist or is not yours to see.");
        return TypedResults.Ok(await withdrawals.ListAsync(id, ct));
    }

    /// <summary>
    /// The widget's paperclip: the file joins the case of the conversation (threaded by the session key); sent before the
    /// dialog registered the complaint ("我有银行扣款截图" mid-dialog), it is kept and waits for the registration, which
    /// attaches it to the case's first message (issue 16 item 3).
    /// </summary>
    private static async Task<IResult> ChatUploadAsync(HttpRequest http, IConversationStore conversations, IAttachmentStore store, AttachmentRules rules,
        IIntake intake, IHubContext<ChatHub, IChatClient> hub, TimeProvider clock, WebChatOptions options, CancellationToken ct)
    {
        // The chat's own rule (issue 12 item 11): browsers on other sites than the configured ones are refused.
        if (!AllowOrigin(http.HttpContext, options))
            return TypedResults.Problem("The chat does not answer pages of this site.", statusCode: 403, title: "chat.origin",
                extensions: ApiProblem.Code("chat.origin"));
        var token = http.Headers[ChatTokenHeader].ToString();
        var conversation = token.Length is > 0 and <= 100 ? await conversations.FindByTokenAsync(ChatHub.Hash(token), ct) : null;
        if (conversation is null)
            return TypedResults.Problem("Unknown conversation.", statusCode: 401, title: "chat.unknown", extensions: ApiProblem.Code("chat.unknown"));
        var (file, refusal) = await CustomerUpload.ReadAsync(http, rules, ct);
        if (file is null) return CustomerUpload.Refuse(refusal!, rules);
        var clientId = http.Form["clientId"].ToString() is { Length: > 0 and <= 64 } given ? given : Guid.NewGuid().ToString("N");
        var kept = await store.KeepAsync(file.FileName, file.Content, ct);
        if (kept.StorageKey is null) return CustomerUpload.Refuse(kept.RefusedReason!, rules);
        if (conversation.CaseNumber is null)
        {
            await conversations.KeepPendingFileAsync(conversation.Id, clientId, kept, ct);
            // Registered in the meantime (the registration may have read the waiting files just before): joined now, so the
            // file is never left behind; at worst it is on the case twice.
            conversation = await conversations.FindAsync(conversation.Id, ct) ?? conversation;
        }
        if (conversation.CaseNumber is not null) await ToCaseAsync(intake, conversation, conversation.CaseNumber, clientId, kept, clock, ct);
        // In the conversation too, so the customer's other tabs and a later Resume show it; answered, so the dialog never reads it.
        var (said, _) = await conversations.AppendAsync(conversation.Id, MessageDirections.Customer, $"📎 {kept.FileName} ({SizeText(kept.Size)})",
            "file-" + clientId, ct);
        await conversations.MarkAnsweredAsync(said.Id, ct);
        var view = new ChatMessage(said.Id, said.Direction, said.Text, said.CreatedAt);
        await hub.Clients.Group(ChatHub.Group(conversation.Id)).Messages([view], ct);
        return TypedResults.Ok(new ChatFileResult(conversation.CaseNumber, kept.FileName, kept.Size, kept.ContentType, view));
    }

    private static async Task ToCaseAsync(IIntake intake, Conversation conversation, string caseNumber, string clientId, Attachment kept, TimeProvider clock,
        CancellationToken ct)
    {
        var customer = ContactHandle.Create(ContactHandleKind.Chat, conversation.Id);
        await intake.AcceptAsync(new InboundMessage
        {
            Channel = Channel.Chat,
            ExternalId = $"{conversation.Id}:file:{clientId}",
            Sender = customer,
            // The case's number: a file after the case closed opens a new case linked to it, as a message does.
            Subject = caseNumber,
            Text = "",
            Attachments = [kept],
            ReceivedAt = clock.GetUtcNow(),
            Thread = new ThreadHints { SessionKey = conversation.Id },
        }, ct);
    }

    private static bool AllowOrigin(HttpContext http, WebChatOptions options)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        if (!options.Allows(origin, http.Request.Host.Value ?? "")) return false;
        http.Response.Headers.AccessControlAllowOrigin = origin;
        http.Response.Headers.AccessControlAllowMethods = "POST";
        http.Response.Headers.AccessControlAllowHeaders = ChatTokenHeader;
        http.Response.Headers.Vary = "Origin";
        return true;
    }

    public static string SizeText(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
