using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using OmniIntake.Core.Attachments;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Intake;
using OmniIntake.Data.Attachments;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Attachments;

namespace OmniIntake.Server.Status;

public sealed record StatusWithdrawRequest(string? Reason);

/// <summary>A file or a withdrawal request taken from the status page: the case it joined.</summary>
public sealed record StatusActionResult(string CaseNumber, bool NewCase);

/// <summary>
/// What a complainant does on the status page besides reading (issue 16 item 5): sends a file into the case, and asks to
/// withdraw the complaint with a reason. Both arrive in the case's conversation as the customer's message, so agents see
/// them live; a withdrawal is kept with the record and does NOT withdraw the case: the policy has an agent check that it
/// is voluntary first (the case shows the request).
/// </summary>
public static class StatusActions
{
    public const int MaxReason = 1000;

    public static void MapStatusActions(this RouteGroupBuilder status)
    {
        status.MapPost("/file", FileAsync).DisableAntiforgery().WithName("AddStatusFile").WithSummary("Adds a file the customer uploads on the status page to their complaint.").Produces<StatusActionResult>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(409);
        status.MapPost("/withdraw", WithdrawAsync).WithName("WithdrawComplaint").WithSummary("Withdraws the customer's open complaint from the status page, with their reason.").Produces<StatusActionResult>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(409);
    }

    private static async Task<IResult> FileAsync(HttpRequest http, IDataProtectionProvider protection, CaseQueries queries, IAttachmentStore store,
        AttachmentRules rules, IIntake intake, TimeProvider clock, CancellationToken ct)
    {
        if (StatusApi.CaseOf(http, protection) is not { } caseId) return StatusApi.SessionOver();
        if (await queries.GetAsync(caseId.ToString(CultureInfo.InvariantCulture), ct) is not { } detail) return StatusApi.SessionOver();
        if (Customer(detail) is not { } handle) return StatusApi.Problem(409, "status.no-contact", "This case has no contact to add a file as.");
        var (file, refusal) = await CustomerUpload.ReadAsync(http, rules, ct);
        if (file is null) return CustomerUpload.Refuse(refusal!, rules);
        var kept = await store.KeepAsync(file.FileName, file.Content, ct);
        if (kept.StorageKey is null) return CustomerUpload.Refuse(kept.RefusedReason!, rules);
        var result = await intake.AcceptAsync(Message(detail, handle, "", clock) with { Attachments = [kept] }, ct);
        return TypedResults.Ok(new StatusActionResult(result.CaseNumber, result.CaseId != caseId));
    }

    private static async Task<IResult> WithdrawAsync(StatusWithdrawRequest request, HttpRequest http, IDataProtectionProvider protection, CaseQueries queries,
        WithdrawalStore withdrawals, IIntake intake, TimeProvider clock, CancellationToken ct)
    {
        if (StatusApi.CaseOf(http, protection) is not { } caseId) return StatusApi.SessionOver();
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > MaxReason) return StatusApi.Problem(400, "status.withdraw-reason", "Give a reason of 1 to 1,000 characters.");
        if (await queries.GetAsync(caseId.ToString(CultureInfo.InvariantCulture), ct) is not { } detail) return StatusApi.SessionOver();
        if (!CaseLifecycle.TryParse(detail.Case.Status, out var status) || status is not (CaseStatus.Received or CaseStatus.Forwarded or CaseStatus.Answered))
            return StatusApi.Problem(409, "status.withdraw-closed", "This complaint is no longer open, so it cannot be withdrawn.");
        if (Customer(detail) is not { } handle) return StatusApi.Problem(409, "status.no-contact", "This case has no contact to ask as.");
        // The customer's words in the case's thread, marked for the agents in both languages (they check it is voluntary).
        var text = $"【申请撤回投诉 · Withdrawal requested】\n{reason}";
        var result = await intake.AcceptAsync(Message(detail, handle, text, clock), ct);
        await withdrawals.RequestAsync(result.CaseId, reason, result.MessageId, ct);
        return TypedResults.Ok(new StatusActionResult(result.CaseNumber, result.CaseId != caseId));
    }

    /// <summary>The customer's own handle on the case, so the message is theirs (a party) and threads by the quoted number.</summary>
    private static ContactHandle? Customer(CaseDetail detail) =>
        detail.ContactHandles.Select(StatusApi.Parse).FirstOrDefault(h => h is { Kind: ContactHandleKind.Phone or ContactHandleKind.Email })
        ?? detail.ContactHandles.Select(StatusApi.Parse).FirstOrDefault(h => h is not null);

    private static InboundMessage Message(CaseDetail detail, ContactHandle handle, string text, TimeProvider clock) => new()
    {
        Channel = Channel.Api,
        ExternalId = "status:" + Guid.NewGuid().ToString("N"),
        Sender = handle,
        Subject = detail.Case.Number,
        Text = text,
        ReceivedAt = clock.GetUtcNow(),
    };
}
