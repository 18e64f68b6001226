using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Polling;
using OmniIntake.Data.Outbox;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Channels;

public sealed record PollerView(string Name, string Status, string? Cursor, long Taken, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastAttemptAt,
    int Failures, string? LastError, string? LeaseHolder, long Ignored = 0);

public sealed record ReprocessResult(long RawId, string Disposition, long? CaseId, string? Error);

/// <summary>
/// What the channels took in, for supervisors: each poller's state (a stalled mailbox shows here), the kept raw
/// messages (failed ones first of all), their original bytes, and re-processing after a fix.
/// </summary>
public static class ChannelsApi
{
    public static void MapChannelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/channels").WithTags("Channels").RequireAuthorization(Policies.Supervisors);
        api.MapGet("/pollers", PollersAsync).WithName("ListPollers").WithSummary("For a supervisor: each channel poller's last run, error and next run.");
        api.MapGet("/raw", ListRawAsync).WithName("ListRawMessages").WithSummary("For a supervisor: raw inbound messages as received, newest first, to find one that failed.");
        api.MapGet("/raw/{id:long}/content", RawContentAsync).Produces<Stream>(200, "application/octet-stream").WithName("GetRawMessageContent").WithSummary("For a supervisor: the bytes of one raw inbound message as received.");
        api.MapPost("/raw/{id:long}/reprocess", ReprocessAsync).WithName("ReprocessRawMessage").WithSummary("For a supervisor: runs one raw inbound message through the intake again.");
        api.MapGet("/outbox", OutboxProblemsAsync).WithName("ListOutboxProblems").WithSummary("For a supervisor: outgoing messages that failed or wait for a retry.");
        api.MapForumPollApi();
        api.MapGet("/dialogs/set-aside", SetAsideDialogsAsync).WithName("ListSetAsideDialogs").WithSummary("For a supervisor: chat and SMS dialogs set aside because they could not be understood.");
        // Numbers that sent STOP: agents see them (a reply to them is refused, visibly, on the case).
        app.MapGet("/api/channels/sms/opt-outs", async (OmniIntake.Core.Sms.IOptOutStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)))
            .WithTags("Channels").RequireAuthorization(Policies.Agents).WithName("ListSmsOptOuts").WithSummary("For a supervisor: the phone numbers that asked to receive no more SMS.");
    }

    private static async Task<Ok<List<PollerView>>> PollersAsync(IPollerStateStore state, TimeProvider clock, IConfiguration configuration,
        CancellationToken ct)
    {
        var stallAfter = configuration.GetValue("Channels:Email:Imap:StallAfter", TimeSpan.FromMinutes(10));
        var now = clock.GetUtcNow();
        var list = (await state.ListAsync(ct)).Select(p => new PollerView(p.Name,
            p.IsStalled(now, stallAfter) ? "stalled" : p.Failures > 0 ? "failing" : "ok",
            p.CursorEpoch is null ? null : $"{p.CursorEpoch}/{p.CursorPosition}", p.Taken, p.LastSuccessAt, p.LastAttemptAt, p.Failures,
            p.LastError, p.LeaseHolder, p.Ignored)).ToList();
        return TypedResults.Ok(list);
    }

    /// <summary>Replies that are retrying, failed, or to deliver by hand (status= one of them; all three by default).</summary>
    private static async Task<Results<Ok<IReadOnlyList<OutboxProblem>>, ProblemHttpResult>> OutboxProblemsAsync(OutboxStore outbox, string? status,
        int? limit, CancellationToken ct)
    {
        if (status is not null and not ("retrying" or "failed" or "manual" or "sending" or "pending" or "sent"))
            return TypedResults.Problem("status must be retrying, failed, manual, sending, pending or sent.", statusCode: 400, extensions: ApiProblem.Code("outbox.status-invalid"));
        return TypedResults.Ok(await outbox.ProblemsAsync(status, Math.Clamp(limit ?? 100, 1, 1000), ct));
    }

    /// <summary>Conversations the dialog-expiry job set aside, with the reason (issue 12 item 2).</summary>
    private static async Task<Ok<List<SetAsideDialogView>>> SetAsideDialogsAsync(OmniIntake.Core.Conversations.IConversationStore conversations,
        int? limit, CancellationToken ct) =>
        TypedResults.Ok((await conversations.SetAsideListAsync(Math.Clamp(limit ?? 100, 1, 1000), ct))
            .Select(c => new SetAsideDialogView(c.Id, c.Channel.ToName(), c.CaseNumber, c.Reason, c.SetAsideAt)).ToList());

    private static async Task<Results<Ok<IReadOnlyList<StoredRawMessage>>, ProblemHttpResult>> ListRawAsync(IRawMessageStore raw,
        string? disposition, int? limit, CancellationToken ct)
    {
        RawDisposition? filter = null;
        if (!string.IsNullOrEmpty(disposition))
        {
            if (!Enum.TryParse<RawDisposition>(disposition, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return TypedResults.Problem($"disposition must be one of {string.Join(", ", Enum.GetNames<RawDisposition>()).ToLowerInvariant()}.",
                    statusCode: 400, extensions: ApiProblem.Code("raw.disposition-invalid"));
            filter = parsed;
        }
        var take = Math.Clamp(limit ?? 100, 1, 1000);
        return TypedResults.Ok(await raw.ListAsync(filter, take, ct));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> RawContentAsync(long id, IRawMessageStore raw, CancellationToken ct)
    {
        var found = await raw.FindAsync(id, ct);
        var content = found is null ? null : await raw.ContentAsync(id, ct);
        if (found is null || content is null) return TypedResults.NotFound();
        return TypedResults.File(content, found.ContentType, found.ContentType == "message/rfc822" ? $"raw-{id}.eml" : $"raw-{id}.txt");
    }

    private static async Task<Results<Ok<ReprocessResult>, NotFound, ProblemHttpResult>> ReprocessAsync(long id, IRawMessageStore raw,
        IEnumerable<IRawMessageReprocessor> reprocessors, CancellationToken ct)
    {
        var found = await raw.FindAsync(id, ct);
        var content = found is null ? null : await raw.ContentAsync(id, ct);
        if (found is null || content is null) return TypedResults.NotFound();
        var reprocessor = reprocessors.FirstOrDefault(r => r.Channel == found.Channel);
        if (reprocessor is null)
            return TypedResults.Problem($"The {found.Channel} channel cannot re-process raw messages.", statusCode: 409, extensions: ApiProblem.Code("raw.reprocess-refused"));
        var (disposition, caseId, error) = await reprocessor.ReprocessAsync(found, content, ct);
        return TypedResults.Ok(new ReprocessResult(id, disposition.ToString().ToLowerInvariant(), caseId, error));
    }
}
