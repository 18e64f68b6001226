using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Text;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Status;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Status;

public sealed record StatusCodeRequest(string? CaseNumber, string? Contact, string? Language);

public sealed record StatusVerifyRequest(string? CaseNumber, string? Code);

public sealed record StatusSession(string Token, int ExpiresInSeconds);

public sealed record StatusInfoRequest(string? Text);

/// <summary>Added information: the case it joined (a new, linked one when the case was closed).</summary>
public sealed record StatusInfoResult(string CaseNumber, bool NewCase);

/// <summary>A step of the case as the customer sees it: received, forwarded, answered, resolved (closed counts as resolved).</summary>
public sealed record StatusStep(string Key, bool Done, DateTimeOffset? At);

/// <summary>A message that was sent to the customer (replies and acknowledgements; never notes, never codes).</summary>
public sealed record StatusReply(DateTimeOffset At, string Text);

/// <summary>
/// What the complainant sees (issue 16 item 5): the progress and the deadlines the policy promised, the replies sent to
/// them; nothing internal (no notes, no owner or agent names, no department).
/// </summary>
/// <param name="TimeZone">The organisation's time zone (IANA id): the page shows times as the acknowledgements state them.</param>
public sealed record StatusView(string CaseNumber, string Status, IReadOnlyList<StatusStep> Steps, DateTimeOffset? ForwardDueAt, DateTimeOffset? AnswerDueAt,
    IReadOnlyList<StatusReply> Replies, string TimeZone)
{
    /// <summary>When the complainant asked to withdraw (issue 16 item 5); the agents check it is voluntary before the case is withdrawn.</summary>
    public DateTimeOffset? WithdrawalRequestedAt { get; init; }
}

/// <summary>
/// The self-service status page's API (issue 16 item 5): case number + the phone or e-mail on the case ⇒ a one-time code
/// on that contact (through the outbox) ⇒ a short-lived session (a Data Protection token, 30 minutes) to read the
/// progress and add information. No account. Errors are ProblemDetails with a stable "code" the page translates.
/// </summary>
public static class StatusApi
{
    public const string TokenHeader = "X-Status-Token";
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);

    public static void AddStatusPage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StatusCodeStore>();
        builder.Services.AddSingleton(StatusCodeLimits.Default);
        builder.Services.AddSingleton<Core.Promises.IStatusLinks, StatusLinks>();
    }

    public static void MapStatusApi(this WebApplication app)
    {
        var status = app.MapGroup("/api/status").WithTags("Status").AllowAnonymous();
        status.MapPost("/code", RequestCodeAsync).WithName("RequestStatusCode").WithSummary("Sends the customer a one-time code to the phone or e-mail of their complaint, to open its status page.");
        status.MapPost("/verify", VerifyAsync).WithName("VerifyStatusCode").WithSummary("Checks the customer's one-time code and opens a status session for their complaint.");
        status.MapGet("/", ViewAsync).WithName("GetStatusView").WithSummary("What the customer sees of their complaint on the status page: its status, deadlines and replies.");
        status.MapPost("/info", AddInfoAsync).WithName("AddStatusInfo").WithSummary("Adds the customer's further information to their complaint from the status page.");
        status.MapStatusActions();
        // The query goes along: the acknowledgements' links carry the case number (?case=…) for the page to fill in.
        app.MapGet("/status", (HttpRequest request) => Results.Redirect("/status.html" + request.QueryString)).AllowAnonymous().ExcludeFromDescription();
        // The SMS receipt's short form of the same link (issue 16 item 3: the receipt stays within two segments).
        app.MapGet("/s/{number}", (string number) => Results.Redirect("/status.html?case=" + Uri.EscapeDataString(number[..Math.Min(number.Length, 40)])))
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> RequestCodeAsync(StatusCodeRequest request, StatusCodeStore codes, StatusCodeLimits limits,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.CaseNumber) || string.IsNullOrWhiteSpace(request.Contact))
            return Problem(400, "status.missing", "Give the case number and the phone number or e-mail address on the case.");
        var outcome = await codes.RequestAsync(request.CaseNumber, request.Contact, Languages.FromTag(request.Language), limits, ct);
        return outcome switch
        {
            CodeRequestOutcome.Sent => TypedResults.Accepted((string?)null),
            CodeRequestOutcome.RateLimited => Problem(429, "status.rate-limited", "Too many codes for this case or address: please try again in an hour."),
            _ => Problem(404, "status.no-match", "No case with this number has this phone number or e-mail address."),
        };
    }

    private static async Task<Results<Ok<StatusSession>, ProblemHttpResult>> VerifyAsync(StatusVerifyRequest request, StatusCodeStore codes,
        StatusCodeLimits limits, IDataProtectionProvider protection, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.CaseNumber) || string.IsNullOrWhiteSpace(request.Code) || request.Code.Length > 20)
            return Problem(400, "status.missing", "Give the case number and the code you received.");
        var check = await codes.CheckAsync(request.CaseNumber, request.Code, limits, ct);
        return check.Outcome switch
        {
            CodeCheckOutcome.Valid => TypedResults.Ok(new StatusSession(
                Protector(protection).Protect(check.CaseId!.Value.ToString(CultureInfo.InvariantCulture), SessionLifetime), (int)SessionLifetime.TotalSeconds)),
            CodeCheckOutcome.Wrong => Problem(400, "status.code-wrong", "The code is not right; please check it and try again."),
            CodeCheckOutcome.TooManyAttempts => Problem(429, "status.code-attempts", "Too many wrong codes: please ask for a new code."),
            _ => Problem(400, "status.code-expired", "The code has expired or was used: please ask for a new code."),
        };
    }

    private static async Task<Results<Ok<StatusView>, ProblemHttpResult>> ViewAsync(HttpRequest http, IDataProtectionProvider protection, CaseQueries queries,
        IntakeOptions intake, Data.Attachments.WithdrawalStore withdrawals, CancellationToken ct)
    {
        if (CaseOf(http, protection) is not { } caseId) return SessionOver();
        if (await queries.GetAsync(caseId.ToString(CultureInfo.InvariantCulture), ct) is not { } detail) return SessionOver();
        var requests = await withdrawals.ListAsync(caseId, ct);
        var withdrawal = requests.Count > 0 ? requests[^1] : null;
        return TypedResults.Ok(View(detail, intake.TimeZone) with { WithdrawalRequestedAt = withdrawal?.RequestedAt });
    }

    private static async Task<Results<Ok<StatusInfoResult>, ProblemHttpResult>> AddInfoAsync(StatusInfoRequest request, HttpRequest http,
        IDataProtectionProvider protection, CaseQueries queries, IIntake intake, TimeProvider clock, CancellationToken ct)
    {
        if (CaseOf(http, protection) is not { } caseId) return SessionOver();
        var text = request.Text?.Trim() ?? "";
        if (text.Length is 0 or > 4000) return Problem(400, "status.info-length", "Write 1 to 4,000 characters.");
        if (await queries.GetAsync(caseId.ToString(CultureInfo.InvariantCulture), ct) is not { } detail) return SessionOver();
        // The customer's own handle on the case, so the message is theirs (a party) and threads by the quoted number.
        var handle = detail.ContactHandles.Select(Parse).FirstOrDefault(h => h is { Kind: ContactHandleKind.Phone or ContactHandleKind.Email })
                     ?? detail.ContactHandles.Select(Parse).FirstOrDefault(h => h is not null);
        if (handle is null) return Problem(409, "status.no-contact", "This case has no contact to add information as.");
        var result = await intake.AcceptAsync(new InboundMessage
        {
            Channel = Channel.Api,
            ExternalId = "status:" + Guid.NewGuid().ToString("N"),
            Sender = handle,
            Subject = detail.Case.Number,
            Text = text,
            ReceivedAt = clock.GetUtcNow(),
        }, ct);
        return TypedResults.Ok(new StatusInfoResult(result.CaseNumber, result.CaseId != caseId));
    }

    internal static ContactHandle? Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && ContactHandle.TryParseKind(text[..colon], out var kind) && ContactHandle.TryCreate(kind, text[(colon + 1)..], out var handle, out _)
            ? handle
            : null;
    }

    private static StatusView View(CaseDetail detail, string timeZone)
    {
        var c = detail.Case;
        var status = CaseLifecycle.TryParse(c.Status, out var known) ? known : CaseStatus.Received;
        DateTimeOffset? When(string action) => detail.Audit.Where(a => a.Action == action).Select(a => (DateTimeOffset?)a.At).LastOrDefault();
        var rank = status switch
        {
            CaseStatus.Received => 0, CaseStatus.Forwarded => 1, CaseStatus.Answered => 2, CaseStatus.Resolved or CaseStatus.Closed => 3, _ => 0,
        };
        var steps = new List<StatusStep>
        {
            new("received", true, c.ReceivedAt),
            new("forwarded", rank >= 1, c.FirstForwardedAt ?? When("case.forwarded")),
            new("answered", rank >= 2, When("case.answered")),
            new("resolved", rank >= 3, When("case.resolved")),
        };
        // Sent to the customer: not notes, not messages to supervisors, not the withheld codes and links.
        var replies = detail.Messages
            .Where(m => m.Direction == "outbound" && m.DeliveryStatus is "sent" or "delivered" or null && !IsWithheld(m.BodyText))
            .Select(m => new StatusReply(m.CreatedAt, m.BodyText)).ToList();
        return new StatusView(c.Number, c.Status, steps, rank == 0 ? c.ForwardDueAt : null, rank == 1 ? c.AnswerDueAt : null, replies, timeZone);
    }

    private static bool IsWithheld(string text) =>
        text.Contains("[验证码仅发送给客户]", StringComparison.Ordinal) || text.Contains("[code sent to the customer only]", StringComparison.Ordinal)
        || text.Contains(Data.FollowUps.FollowUpInvitation.Withheld(Languages.Chinese), StringComparison.Ordinal)
        || text.Contains(Data.FollowUps.FollowUpInvitation.Withheld(Languages.English), StringComparison.Ordinal);

    internal static long? CaseOf(HttpRequest http, IDataProtectionProvider protection)
    {
        var token = http.Headers[TokenHeader].ToString();
        if (token.Length is 0 or > 2000) return null;
        try
        {
            return long.TryParse(Protector(protection).Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // expired, altered, or from a key ring that is gone
        }
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("OmniIntake.Status.Session").ToTimeLimitedDataProtector();

    internal static ProblemHttpResult SessionOver() =>
        Problem(401, "status.session-over", "The session has ended: please ask for a new code.");

    /// <summary>A ProblemDetails with a stable code the page shows in the customer's language.</summary>
    internal static ProblemHttpResult Problem(int status, string code, string detail) =>
        ApiProblem.Of(status, code, code, detail);
}
