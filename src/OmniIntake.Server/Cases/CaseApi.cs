using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Events;
using OmniIntake.Core.Intake;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Cases;

/// <summary>A complaint taken by hand: by phone, at the counter, by letter (first-responder rule), or by an integration.</summary>
public sealed record RegisterCaseRequest(
    string Channel, string Text, string? Subject, string? ComplainantName, string? Phone, string? Email,
    string? OccurredAt, string? Location, string? CustomerRequest, string? Category, DateTimeOffset? ReceivedAt)
{
    /// <summary>An open case of this caller's (its number) the call belongs to: it is threaded onto it as a message (issue 15 item 3).</summary>
    public string? AddToCase { get; init; }
}

public sealed record RegisteredCase(long CaseId, string Number, string Outcome)
{
    /// <summary>When the case must be forwarded (policy 5.2.2), shown to the agent at once (issue 15 item 3); null once forwarded.</summary>
    public DateTimeOffset? ForwardDueAt { get; init; }
}

/// <param name="Attachments">Storage keys of files uploaded with POST /api/cases/{id}/files (issue 16 item 4).</param>
public sealed record ReplyRequest(string Text, IReadOnlyList<string>? Attachments = null);

public sealed record ForwardRequest(long DepartmentId, string? Note);

public sealed record ClassifyRequest(string? Class, string? Category, string? Reason);

public sealed record ResolveRequest(string? Note);

public sealed record CloseRequest(string? Note);

/// <summary>The complainant's reason for withdrawing, as the agent who checked it is voluntary took it down.</summary>
public sealed record WithdrawRequest(string? Reason);

public sealed record NoteRequest(string Text);

/// <summary><paramref name="Into"/>: the number (or id) of the case that answers for this one from now on.</summary>
public sealed record MergeRequest(string Into, string? Reason);

/// <summary>The link of the reply an agent posted in the forum thread.</summary>
public sealed record PublicReplyRequest(string Link);

public sealed record AnswerRequest(string Text);

/// <param name="Head">The newest position now: a client starting fresh reads it first, then the queue, then catches up from it.</param>
public sealed record EventPage(IReadOnlyList<CaseEvent> Events, bool HasMore, long LastPosition, long Head);

public static class CaseApi
{
    private static readonly Channel[] HandChannels = [Channel.Phone, Channel.WalkIn, Channel.Letter, Channel.Api];

    public static void AddCaseApi(this WebApplicationBuilder builder) => builder.Services.AddOpenApi(Infrastructure.OpenApi.ApiDocument.Configure);

    public static void MapCaseApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Agents);
        cases.MapPost("/", RegisterAsync).WithName("RegisterCase").WithSummary("For an agent: registers a complaint taken by phone, at the counter, by letter or from an integration.");
        cases.MapGet("/", ListAsync).WithName("ListCases").WithSummary("For an agent: cases matching filters, newest first, at most 500 a page.");
        cases.MapGet("/{key}", GetAsync).WithName("GetCase").WithSummary("For an agent: a case's file by id or number: facts, messages, deadlines, audit.");
        cases.MapPost("/{id:long}/reply", ReplyAsync).WithName("ReplyToCase").WithSummary("For an agent: sends the customer a reply on the case's channel, with attached files.");
        cases.MapPost("/{id:long}/forward", ForwardAsync).WithName("ForwardCase").WithSummary("For an agent: forwards a case to the department that must answer it (policy 5.2.2).");
        cases.MapPost("/{id:long}/classify", ClassifyAsync).WithName("ClassifyCase").WithSummary("For an agent: sets a case's category, or (supervisors) its class, with a reason.");
        cases.MapPost("/{id:long}/resolve", ResolveAsync).WithName("ResolveCase").WithSummary("For an agent: resolves a case with a resolution note.");
        cases.MapPost("/{id:long}/close", async (long id, CloseRequest? request, CaseCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(await commands.CloseAsync(id, user.Identity!.Name!, request?.Note, ct))).WithName("CloseCase").WithSummary("For an agent: closes a case with a note.");
        cases.MapPost("/{id:long}/withdraw", async (long id, WithdrawRequest? request, CaseCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(await commands.WithdrawAsync(id, request?.Reason ?? "", user.Identity!.Name!, ct))).WithName("WithdrawCase").WithSummary("For an agent: withdraws an open complaint, with the complainant's reason, once they checked it is voluntary.");
        cases.MapPost("/{id:long}/merge", MergeAsync).WithName("MergeCase").WithSummary("For an agent: merges a duplicate case into the one that answers for it.");
        cases.MapPost("/{id:long}/claim", async (long id, bool? takeOver, CaseCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (takeOver == true && !user.IsInRole(Roles.Supervisor) && !user.IsInRole(Roles.Admin))
                return (Results<NoContent, ProblemHttpResult>)Problem(403, "case.takeover-refused", "Forbidden", "Only supervisors take over a case another agent claimed.");
            return Answer(await commands.ClaimAsync(id, user.Identity!.Name!, takeOver == true, ct));
        }).WithName("ClaimCase").WithSummary("For an agent: takes a case to work on it (supervisors may take it over).");
        cases.MapPost("/{id:long}/release", async (long id, CaseCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(await commands.ReleaseAsync(id, user.Identity!.Name!, user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin), ct))).WithName("ReleaseCase").WithSummary("For an agent: gives back a case they hold.");
        cases.MapPost("/{id:long}/notes", async (long id, NoteRequest request, CaseCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(await commands.NoteAsync(id, request.Text ?? "", user.Identity!.Name!, ct))).WithName("AddCaseNote").WithSummary("For an agent: adds an internal note the customer never sees.");
        cases.MapPost("/{id:long}/public-reply", PublicReplyAsync).WithName("RecordPublicReply").WithSummary("For an agent: records the link of the public reply posted in a forum thread.");
        app.MapGet("/api/categories", async (CategoryStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)))
            .WithTags("Cases").RequireAuthorization(Policies.Staff).WithName("ListCategories").WithSummary("For staff: the complaint categories configured.");
        app.MapGet("/api/events", EventsAsync).WithTags("Live").RequireAuthorization(Policies.Agents).WithName("ListEvents").WithSummary("For an agent's client: the case events after a position, to catch up with the live feed.");
    }

    private static async Task<Results<Created<RegisteredCase>, Ok<RegisteredCase>, ProblemHttpResult>> RegisterAsync(
        RegisterCaseRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IIntake intake,
        CaseQueries queries, CategoryStore categories, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
            return Invalid("register.idempotency-key", null, "Idempotency-Key required", "Send an Idempotency-Key header (1-200 characters) so a retried request registers the case once.");
        if (!ChannelNames.TryParse(request.Channel, out var channel) || !HandChannels.Contains(channel))
            return Invalid("register.channel", "channel", "Invalid channel", $"channel must be one of {string.Join(", ", HandChannels.Select(c => c.ToName()))} (got '{request.Channel}').");
        if (string.IsNullOrWhiteSpace(request.Text))
            return Invalid("register.text-required", "text", "Text required", "text (what happened) is required.");
        ContactHandle sender;
        if (!string.IsNullOrWhiteSpace(request.Phone))
        {
            if (!ContactHandle.TryCreate(ContactHandleKind.Phone, request.Phone, out sender, out var error)) return Invalid("register.phone", "phone", "Invalid phone", error);
        }
        else if (!string.IsNullOrWhiteSpace(request.Email))
        {
            if (!ContactHandle.TryCreate(ContactHandleKind.Email, request.Email, out sender, out var error)) return Invalid("register.email", "email", "Invalid email", error);
        }
        else
        {
            // Anonymous complaints are accepted (PRODUCT.md principles); each is its own contact.
            sender = ContactHandle.Create(ContactHandleKind.Anonymous, $"{channel.ToName()}:{idempotencyKey.Trim()}");
        }
        if (request.Category is not null && (await categories.ListAsync(ct)).All(c => c.Code != request.Category))
            return Invalid("register.category", "category", "Unknown category", $"category '{request.Category}' is not configured; see GET /api/categories.");

        string? target = null;
        if (!string.IsNullOrWhiteSpace(request.AddToCase))
        {
            // "Add to this case": the number is quoted, so the intake threads the call onto that case (ThreadingRules:
            // case number quoted) when the caller is its party and it is open; otherwise it opens a new case linked to it.
            if (await queries.GetAsync(request.AddToCase.Trim(), ct) is not { } named)
                return Problem(404, "register.case-not-found", "No such case", $"Case '{request.AddToCase}' does not exist.");
            if (!CaseLifecycle.TryParse(named.Case.Status, out var namedStatus) || !CaseLifecycle.IsOpen(namedStatus))
                return Problem(409, "register.case-not-open", "Case not open", $"Case {named.Case.Number} is {named.Case.Status}: register a new case.");
            target = named.Case.Number;
        }

        var message = new InboundMessage
        {
            Channel = channel,
            ExternalId = "idempotency:" + idempotencyKey.Trim(),
            Sender = sender,
            SenderName = request.ComplainantName,
            Subject = target is null ? request.Subject : $"{target} {request.Subject}".TrimEnd(),
            Text = request.Text,
            ReceivedAt = request.ReceivedAt ?? clock.GetUtcNow(),
            RegisteredBy = user.Identity!.Name,
            Fields = new CaseFields
            {
                ComplainantName = request.ComplainantName, ContactPhone = sender.Kind == ContactHandleKind.Phone ? sender.Value : null,
                ContactEmail = request.Email, OccurredAt = request.OccurredAt, Location = request.Location,
                CustomerRequest = request.CustomerRequest, Category = request.Category,
            },
        };
        var errors = InboundMessageRules.Check(message);
        if (errors.Count > 0) return Invalid("register.invalid", null, "Invalid complaint", string.Join(" ", errors));
        var result = await intake.AcceptAsync(message, ct);
        var body = new RegisteredCase(result.CaseId, result.CaseNumber, result.Outcome.ToString().ToLowerInvariant())
        {
            ForwardDueAt = (await queries.GetAsync(result.CaseNumber, ct))?.Case.ForwardDueAt,
        };
        return result.Outcome == IntakeOutcome.Duplicate
            ? TypedResults.Ok(body)
            : TypedResults.Created($"/api/cases/{result.CaseNumber}", body);
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseSummary>>, ProblemHttpResult>> ListAsync(CaseQueries queries,
        string? status, string? channel, string? @class, long? departmentId, bool? open, bool? mine, bool? unassigned, string? q, long? before, int? limit,
        DateOnly? from, DateOnly? to, IntakeOptions intake, ClaimsPrincipal user, CancellationToken ct)
    {
        if (status is not null && !CaseLifecycle.TryParse(status, out _)) return Problem(400, "query.status-invalid", "Invalid status", $"Unknown status '{status}'.");
        if (channel is not null && !ChannelNames.TryParse(channel, out _)) return Problem(400, "query.channel-invalid", "Invalid channel", $"Unknown channel '{channel}'.");
        if (@class is not null && !CaseClassNames.TryParse(@class, out _)) return Problem(400, "query.class-invalid", "Invalid class", $"Unknown class '{@class}'.");
        if (limit is < 1 or > 500) return Problem(400, "query.limit-invalid", "Invalid limit", $"limit is 1-500 (got {limit}).");
        var filter = new CaseFilter
        {
            Status = status?.ToLowerInvariant(), Channel = channel?.ToLowerInvariant(), Class = @class?.ToLowerInvariant(),
            DepartmentId = departmentId, OpenOnly = open ?? false, Search = q, BeforeId = before, Limit = limit ?? 50,
            ClaimedBy = mine == true ? user.Identity!.Name : null, Unclaimed = unassigned == true,
            // Local dates in the organisation's zone, "to" inclusive: a chart's bar drills down to its cases.
            ReceivedFrom = from is { } f ? Core.Calendar.LocalDays.StartOf(f, intake.Zone) : null, ReceivedBefore = to is { } t ? Core.Calendar.LocalDays.StartOf(t.AddDays(1), intake.Zone) : null,
        };
        return TypedResults.Ok(await queries.ListAsync(filter, ct));
    }

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> GetAsync(string key, CaseQueries queries, CancellationToken ct) =>
        await queries.GetAsync(key, ct) is { } detail ? TypedResults.Ok(detail) : Problem(404, "case.not-found", "No such case", $"Case '{key}' does not exist.");

    internal static async Task<Results<NoContent, ProblemHttpResult>> ReplyAsync(long id, ReplyRequest request, CaseCommands commands,
        ClaimsPrincipal user, Core.Attachments.IAttachmentStore files, CancellationToken ct)
    {
        if (request.Attachments is not { Count: > 0 } keys) return Answer(await commands.ReplyAsync(id, request.Text ?? "", user.Identity!.Name!, ct));
        var attached = await Attachments.ReplyFiles.ResolveAsync(files, keys, ct);
        if (attached is null) return Problem(400, "attachment.unknown", "Unknown attachment", "An attached file is not (any more) in the store: attach it again.");
        return Answer(await commands.ReplyAsync(id, request.Text ?? "", user.Identity!.Name!, attached, ct));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ForwardAsync(long id, ForwardRequest request, CaseCommands commands,
        ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await commands.ForwardAsync(id, request.DepartmentId, user.Identity!.Name!, request.Note, ct));

    internal static async Task<Results<NoContent, ProblemHttpResult>> ClassifyAsync(long id, ClassifyRequest request, CaseCommands commands,
        ClaimsPrincipal user, CancellationToken ct)
    {
        CaseClass? caseClass = null;
        if (request.Class is not null)
        {
            if (!CaseClassNames.TryParse(request.Class, out var parsed))
                return Problem(400, "case.class-invalid", "Invalid class", $"class must be one of general, important, hot, major (got '{request.Class}').");
            // PRODUCT.md 5.5: the class is set by a supervisor; agents set the category.
            if (!user.IsInRole(Roles.Supervisor) && !user.IsInRole(Roles.Admin))
                return Problem(403, "case.class-supervisor-only", "Supervisors set the class", "Only a supervisor can set a case's class.");
            caseClass = parsed;
        }
        return Answer(await commands.ClassifyAsync(id, caseClass, request.Category, user.Identity!.Name!, request.Reason, ct));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ResolveAsync(long id, ResolveRequest? request, CaseCommands commands,
        ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await commands.ResolveAsync(id, user.Identity!.Name!, request?.Note, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> MergeAsync(long id, MergeRequest request, CaseCommands commands, CaseQueries queries,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Into)) return Problem(400, "case.merge-target-required", "Invalid request", "Give the number of the case to merge into.");
        if (await queries.GetAsync(request.Into, ct) is not { } target) return Problem(404, "case.merge-target-not-found", "Not found", $"There is no case '{request.Into}'.");
        return Answer(await commands.MergeAsync(id, target.Case.Id, user.Identity!.Name!, request.Reason ?? "", ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> PublicReplyAsync(long id, PublicReplyRequest request, CaseCommands commands,
        ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await commands.RecordPublicReplyAsync(id, request.Link ?? "", user.Identity!.Name!, ct));

    private static async Task<Results<Ok<EventPage>, ProblemHttpResult>> EventsAsync(ICaseEventReader reader, long? after, int? limit,
        CancellationToken ct)
    {
        if (after is < 0) return Problem(400, "events.cursor-invalid", "Invalid cursor", "after must not be negative.");
        var take = Math.Clamp(limit ?? 500, 1, 1000);
        var events = await reader.ReadAfterAsync(after ?? 0, take + 1, ct);
        var page = events.Take(take).ToList();
        return TypedResults.Ok(new EventPage(page, events.Count > take, page.Count > 0 ? page[^1].Position : after ?? 0,
            await reader.LastPositionAsync(ct)));
    }

    private static Results<NoContent, ProblemHttpResult> Answer(CommandResult result) => ApiResults.From(result);

    private static ProblemHttpResult Problem(int status, string code, string title, string detail) => ApiResults.Problem(status, code, title, detail);

    /// <summary>A registration refused with a stable <c>code</c> and the form <c>field</c> it concerns (the workspace shows it beside the field).</summary>
    private static ProblemHttpResult Invalid(string code, string? field, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: 400, title: title, extensions: ApiProblem.Code(code, ("field", field)));
}
