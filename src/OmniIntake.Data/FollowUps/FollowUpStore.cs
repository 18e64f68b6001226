using System.Data.Common;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Events;
using OmniIntake.Core.Outbound;
using OmniIntake.Core.Policy;
using OmniIntake.Core.Text;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Outbox;

namespace OmniIntake.Data.FollowUps;

/// <summary>A follow-up (回访) of one resolution, as the customer's page and the case file show it.</summary>
public sealed class FollowUpView
{
    public long Id { get; init; }
    public long CaseId { get; init; }
    public string CaseNumber { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The channel it was sent on; null when an agent has to call (no address), "phone" when an agent recorded it.</summary>
    public string? Channel { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }
    public string? AnsweredBy { get; init; }
    public int? Satisfaction { get; init; }
    public bool? Solved { get; init; }
    public string? Comment { get; init; }
}

/// <summary>What the customer says: satisfaction 1-5 and whether the problem is really solved; "no" reopens the case.</summary>
public sealed record FollowUpAnswer(int Satisfaction, bool Solved, string? Comment);

/// <summary>What a follow-up message needs: the case number, the customer's language, the link to answer.</summary>
public sealed record FollowUpInvitation(string CaseNumber, string Language, string Link)
{
    /// <summary>What the case file shows where the customer's link was (the link itself is the customer's secret).</summary>
    public static string Withheld(string language) =>
        language == Languages.Chinese ? "[回访链接仅发送给客户]" : "[follow-up link, sent to the customer only]";
}

/// <summary>
/// Follow-ups after resolution (PRODUCT.md "Follow-up and reports"). A sweep asks each resolved case once per
/// resolution, through the customer's channel, in one transaction with the outbox row, so a crash neither loses nor
/// repeats it; cases without an address are left to an agent's phone call. The answer is recorded once.
/// </summary>
public sealed class FollowUpStore(Database database, IDeadlinePolicy policy, TimeProvider clock, IEventLogSignal signal, IOutboundSeal seal)
{
    private const string Columns =
        "f.id, f.case_id, c.number AS case_number, f.created_at, f.channel, f.answered_at, f.answered_by, f.satisfaction, f.solved, f.comment";

    /// <summary>The job's name in job_watermarks.</summary>
    private const string WatermarkJob = "follow-up-ask";

    // A resolution can commit a little after the instant it records: each run looks this far behind its watermark, so
    // none is passed over (the NOT EXISTS makes the overlap ask nobody twice).
    private static readonly TimeSpan WatermarkOverlap = TimeSpan.FromMinutes(10);

    /// <summary>Asks the cases resolved at least <paramref name="delay"/> ago that have not been asked for this resolution.</summary>
    /// <returns>How many follow-ups were opened.</returns>
    /// <param name="linkFor">The customer's link for a token.</param>
    public async Task<int> AskDueAsync(TimeSpan delay, Func<string, string> linkFor, Func<FollowUpInvitation, string> compose, int limit = 200,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - delay;
        List<DueCase> due;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            // Issue 17 item 6: only the cases resolved since the last run (its watermark), not every resolved case in history.
            var since = await connection.OneOrDefaultAsync<DateTimeOffset?>("SELECT at FROM job_watermarks WHERE job = @WatermarkJob",
                new { WatermarkJob }, null, cancellationToken);
            due = (await connection.ListAsync<DueCase>(
                $"""
                 SELECT c.id, c.number, c.channel, c.contact_id, c.resolved_at, c.subject,
                        (SELECT m.body_text FROM messages m WHERE m.case_id = c.id AND m.direction = 'inbound' ORDER BY m.id LIMIT 1) AS first_text
                 FROM cases c
                 WHERE c.status = 'resolved' AND c.resolved_at <= @cutoff {(since is null ? "" : "AND c.resolved_at > @since")}
                   AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = c.id AND f.resolved_at = c.resolved_at)
                 ORDER BY c.resolved_at LIMIT @limit
                 """, new { cutoff, since = since - WatermarkOverlap, limit }, null, cancellationToken)).ToList();
        }
        var opened = 0;
        foreach (var found in due)
        {
            if (await AskAsync(found, now, linkFor, compose, cancellationToken)) opened++;
        }
        if (opened > 0) signal.EventsCommitted();
        // Everything up to the cutoff was asked, or, when the batch was full, up to the last one asked.
        var reached = due.Count < limit ? cutoff : due[^1].ResolvedAt;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecAsync(
                """
                INSERT INTO job_watermarks (job, at) VALUES (@WatermarkJob, @reached)
                ON CONFLICT (job) DO UPDATE SET at = excluded.at
                """, new { WatermarkJob, reached }, null, cancellationToken);
        }
        return opened;
    }

    private async Task<bool> AskAsync(DueCase found, DateTimeOffset now, Func<string, string> linkFor, Func<FollowUpInvitation, string> compose,
        CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        await using var tx = await Database.BeginWriteAsync(c, ct);
        var (channel, recipient) = await RouteAsync(c, tx, found, ct);
        var token = recipient is null ? null : NewToken();
        // Another process may have asked it in the meantime: the unique (case, resolution) lets one win.
        var id = await c.OneOrDefaultAsync<long?>(
            """
            INSERT INTO follow_ups (case_id, resolved_at, created_at, channel, token_hash) VALUES (@Id, @ResolvedAt, @now, @channel, @hash)
            ON CONFLICT (case_id, resolved_at) DO NOTHING RETURNING id
            """, new { found.Id, found.ResolvedAt, now, channel, hash = token is null ? null : Hash(token) }, tx, ct);
        if (id is null)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        if (recipient is null || token is null)
        {
            await CaseJournal.WriteAsync(c, tx, found.Id, found.Number, new FollowUpByPhone(now, id), null, ct);
        }
        else
        {
            // Issue 12 item 13: the link's token reaches the customer only (sealed in the outbox until sent); the case file
            // shows the message without it, so nobody reading the case can answer for the customer.
            var invitation = new FollowUpInvitation(found.Number, Languages.Of(found.Subject, found.FirstText), linkFor(token));
            var shown = compose(invitation with { Link = FollowUpInvitation.Withheld(invitation.Language) });
            var messageId = await HubMessages.QueueAsync(c, tx, database, found.Id, "outbound", channel!, recipient, null, shown, now, ct,
                sealedText: seal.Seal(compose(invitation)));
            await CaseJournal.WriteAsync(c, tx, found.Id, found.Number, new FollowUpSent(now, id, channel), messageId, ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The customer's own channel where the hub can write on it; for a complaint taken by hand (phone, counter,
    /// letter) or posted in a public forum, a text message or an e-mail to the contact's number or address.</summary>
    private static async Task<(string? Channel, string? Recipient)> RouteAsync(DbConnection c, DbTransaction tx, DueCase found, CancellationToken ct)
    {
        foreach (var channel in found.Channel is "email" or "sms" or "chat" ? [found.Channel] : new[] { "sms", "email" })
        {
            if (await CaseRecipient.FindAsync(c, tx, channel, found.ContactId, ct) is { } recipient) return (channel, recipient);
        }
        return (null, null);
    }

    /// <summary>The follow-up a customer's link names, while the link is younger than <paramref name="lifetime"/>.</summary>
    public async Task<FollowUpView?> FindByTokenAsync(string? token, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneOrDefaultAsync<FollowUpView>(
            $"SELECT {Columns} FROM follow_ups f JOIN cases c ON c.id = f.case_id WHERE f.token_hash = @hash AND f.created_at > @since",
            new { hash = Hash(token), since = clock.GetUtcNow() - lifetime }, null, cancellationToken);
    }

    /// <summary>128 random bits, URL-safe: short enough for an SMS, impossible to guess.</summary>
    private static string NewToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string token) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    public async Task<IReadOnlyList<FollowUpView>> ForCaseAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<FollowUpView>(
            $"SELECT {Columns} FROM follow_ups f JOIN cases c ON c.id = f.case_id WHERE f.case_id = @caseId ORDER BY f.id", new { caseId }, null,
            cancellationToken);
    }

    /// <summary>Records the answer to one follow-up, once; "not solved" reopens a case that is still resolved or closed.</summary>
    public async Task<CommandResult> AnswerAsync(long followUpId, FollowUpAnswer answer, string actor, CancellationToken cancellationToken = default)
    {
        if (answer.Satisfaction is < 1 or > 5) return CommandResult.Invalid($"Satisfaction is 1 to 5 (got {answer.Satisfaction}).");
        if (answer.Comment is { Length: > 2000 }) return CommandResult.Invalid($"A comment is at most 2000 characters (got {answer.Comment.Length}).");
        var now = clock.GetUtcNow();
        await using var c = await database.OpenAsync(cancellationToken);
        await using var tx = await Database.BeginWriteAsync(c, cancellationToken);
        var found = await c.OneOrDefaultAsync<AnsweredCase>(
            "SELECT f.case_id, c.number, c.channel, c.status, f.answered_at FROM follow_ups f JOIN cases c ON c.id = f.case_id WHERE f.id = @followUpId"
            + database.Dialect.ForUpdate, new { followUpId }, tx, cancellationToken);
        if (found is null) return CommandResult.NotFound($"Follow-up {followUpId} does not exist.");
        if (found.AnsweredAt is not null) return CommandResult.Conflict($"The follow-up of case {found.Number} was already answered.");
        await c.ExecAsync(
            """
            UPDATE follow_ups SET answered_at = @now, answered_by = @actor, satisfaction = @Satisfaction, solved = @Solved, comment = @Comment
            WHERE id = @followUpId
            """, new { now, actor, answer.Satisfaction, answer.Solved, answer.Comment, followUpId }, tx, cancellationToken);
        await CaseJournal.WriteAsync(c, tx, found.CaseId, found.Number,
            new Core.Cases.FollowUpAnswered(actor, now, followUpId, answer.Satisfaction, answer.Solved, answer.Comment), null, cancellationToken);
        if (!answer.Solved && found.Status is "resolved" or "closed")
            await CaseCommands.ReopenAsync(c, tx, database, policy, found.CaseId, now, actor, "follow-up: the customer says the problem is not solved",
                cancellationToken);
        // Handled and confirmed by the customer: the case is closed.
        if (answer.Solved && found.Status == "resolved")
            await CaseCommands.CloseAsync(c, tx, database, found.CaseId, now, actor, "follow-up: the customer confirms it is solved", cancellationToken);
        await tx.CommitAsync(cancellationToken);
        signal.EventsCommitted();
        return CommandResult.Done;
    }

    /// <summary>An agent records what the customer said on the phone: the latest open follow-up of the case, or a new
    /// one for its current resolution.</summary>
    public async Task<CommandResult> RecordByAgentAsync(long caseId, FollowUpAnswer answer, string actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        long? open;
        await using (var c = await database.OpenAsync(cancellationToken))
        await using (var tx = await Database.BeginWriteAsync(c, cancellationToken))
        {
            var resolvedAt = await c.OneOrDefaultAsync<DateTimeOffset?>(
                "SELECT resolved_at FROM cases WHERE id = @caseId AND status IN ('resolved', 'closed')", new { caseId }, tx, cancellationToken);
            open = await c.OneOrDefaultAsync<long?>(
                "SELECT id FROM follow_ups WHERE case_id = @caseId AND answered_at IS NULL ORDER BY id DESC LIMIT 1", new { caseId }, tx, cancellationToken);
            if (open is null && resolvedAt is null)
                return CommandResult.Conflict($"Case {caseId} is not resolved and has no follow-up waiting for an answer.");
            open ??= await c.OneOrDefaultAsync<long?>(
                """
                INSERT INTO follow_ups (case_id, resolved_at, created_at, channel) VALUES (@caseId, @resolvedAt, @now, 'phone')
                ON CONFLICT (case_id, resolved_at) DO NOTHING RETURNING id
                """, new { caseId, resolvedAt, now }, tx, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        return open is null
            ? CommandResult.Conflict($"The follow-up of case {caseId} was already answered.")
            : await AnswerAsync(open.Value, answer, actor, cancellationToken);
    }

    private sealed class DueCase
    {
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public string Channel { get; init; } = "";
        public long ContactId { get; init; }
        public DateTimeOffset ResolvedAt { get; init; }
        public string? Subject { get; init; }
        public string? FirstText { get; init; }
    }

    private sealed class AnsweredCase
    {
        public long CaseId { get; init; }
        public string Number { get; init; } = "";
        public string Channel { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset? AnsweredAt { get; init; }
    }
}
