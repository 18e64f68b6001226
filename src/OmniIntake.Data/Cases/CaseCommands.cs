using OmniIntake.Core.Intake;
using System.Data.Common;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Events;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Classes;
using OmniIntake.Data.Notifications;

namespace OmniIntake.Data.Cases;

/// <summary>
/// What agents, owners and supervisors do to a case. Each command is one transaction: the change, its audit entry
/// and its event (and, for a reply, the outbound message and its outbox row) commit together or not at all.
/// </summary>
public sealed class CaseCommands(Database database, IDeadlinePolicy policy, TimeProvider clock, IEventLogSignal signal,
    SupervisorNotificationOptions? notifications = null, PausableClocks? pausable = null) : ICaseFieldsWriter
{
    private readonly SupervisorNotificationOptions _notifications = notifications ?? SupervisorNotificationOptions.None;
    private readonly PausableClocks _pausable = pausable ?? PausableClocks.Default;

    /// <summary>Forwards to the department's complaint owner: the act that stops the forwarding clock (policy 5.2.2).</summary>
    public Task<CommandResult> ForwardAsync(long caseId, long departmentId, string actor, string? note, CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, async (kase, c, tx, now, ct) =>
        {
            var department = await c.OneOrDefaultAsync<string>("SELECT name FROM departments WHERE id = @departmentId", new { departmentId }, tx, ct);
            return kase.Forward(departmentId, department, actor, note, now, policy, _pausable);
        }, cancellationToken);

    /// <summary>Sets the class and/or the category; a supervisor's reason goes into the audit trail.</summary>
    public async Task<CommandResult> ClassifyAsync(long caseId, CaseClass? caseClass, string? category, string actor, string? reason,
        CancellationToken cancellationToken = default)
    {
        CaseClassified? classified = null;
        var result = await DecideAsync(caseId, async (kase, c, tx, now, ct) =>
        {
            var configured = category is not null
                && await c.OneOrDefaultAsync<string>("SELECT code FROM categories WHERE code = @category", new { category }, tx, ct) is not null;
            var decision = kase.Classify(caseClass, category, configured, actor, reason, now, policy);
            classified = decision.Change as CaseClassified;
            return decision;
        }, cancellationToken, async (kase, c, tx, ct) =>
        {
            if (classified is { NotifiesSupervisors: true, Raised: { } raised })
                await ClassRaising.NotifyAsync(c, tx, database, _notifications, kase.Id, kase.Number, raised, classified.NotifyReason, classified.At, ct);
        });
        return result;
    }

    public Task<CommandResult> ResolveAsync(long caseId, string actor, string? note, CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, (kase, _, _, now, _) => Task.FromResult(kase.Resolve(actor, note, now)), cancellationToken);

    /// <summary>
    /// Claims the case for an agent: a compare-and-set on the holder the locked row shows, so two agents cannot both
    /// hold it. A supervisor may take over a case another agent holds (<paramref name="takeOver"/>), which is audited
    /// with whom it was taken from.
    /// </summary>
    public Task<CommandResult> ClaimAsync(long caseId, string actor, bool takeOver, CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, (kase, _, _, now, _) => Task.FromResult(kase.Claim(actor, takeOver, now)), cancellationToken);

    /// <summary>Gives the case back to the queue; only its holder, or a supervisor (<paramref name="anyHolder"/>).</summary>
    public Task<CommandResult> ReleaseAsync(long caseId, string actor, bool anyHolder, CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, (kase, _, _, now, _) => Task.FromResult(kase.Release(actor, anyHolder, now)), cancellationToken);

    /// <summary>
    /// The owner sends a wrongly routed case back to the centre: back in the queue with a forwarding deadline from now,
    /// the owner's answer no longer owed by this department. The centre's next forwarding elsewhere is a re-dispatch.
    /// </summary>
    public Task<CommandResult> SendBackAsync(long caseId, string reason, string actor, OwnerScope owner, CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, (kase, _, _, now, _) => Task.FromResult(kase.SendBack(reason, owner, actor, now, policy)), cancellationToken);

    /// <summary>The owner asks the centre for help (a note the agents see, and an event that reaches their consoles).</summary>
    public Task<CommandResult> AskHelpAsync(long caseId, string text, string actor, OwnerScope owner, CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, (kase, _, _, now, _) => Task.FromResult(kase.AskHelp(text, owner, actor, now)), cancellationToken);

    /// <summary>An internal note: for colleagues only, never sent to the customer.</summary>
    public Task<CommandResult> NoteAsync(long caseId, string text, string actor, CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, (kase, _, _, now, _) => Task.FromResult(kase.AddNote(text, actor, now)), cancellationToken);

    /// <summary>Closes a resolved case: handled and followed up (the closure rate counts it).</summary>
    public Task<CommandResult> CloseAsync(long caseId, string actor, string? note, CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, (kase, _, _, now, _) => Task.FromResult(kase.Close(actor, note, now)), cancellationToken);

    /// <summary>The closing itself, inside a caller's transaction (the follow-up's "solved" uses it too).</summary>
    internal static Task<CommandResult> CloseAsync(DbConnection c, DbTransaction tx, Database database, long caseId, DateTimeOffset now, string actor,
        string? note, CancellationToken ct) =>
        DecideInAsync(c, tx, database, caseId, kase => kase.Close(actor, note, now), ct);

    /// <summary>
    /// Merges a duplicate into the case that answers for it: the duplicate is kept (status merged, its messages and
    /// audit intact) and points at the survivor; its complainants become the survivor's, so they are answered under the
    /// surviving number on their own channels; a number or reply naming the duplicate threads into the survivor; the
    /// duplicate's open deadlines are cancelled (the survivor owes its own).
    /// </summary>
    public async Task<CommandResult> MergeAsync(long sourceId, long targetId, string actor, string reason, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var c = await database.OpenAsync(cancellationToken);
        await using var tx = await Database.BeginWriteAsync(c, cancellationToken);
        // Both rows locked, lower id first, so two merges of the same pair cannot deadlock.
        var locked = await c.ListAsync<long>(
            $"SELECT id FROM cases WHERE {database.In("id", "@ids")} ORDER BY id" + database.Dialect.ForUpdate, new { ids = new[] { sourceId, targetId } }, tx,
            cancellationToken);
        var missing = new[] { sourceId, targetId }.FirstOrDefault(id => !locked.Contains(id), -1);
        if (missing != -1) return CommandResult.NotFound($"Case {missing} does not exist.");
        var source = (await CaseStore.LoadAsync(c, tx, database, sourceId, cancellationToken))!;
        var target = (await CaseStore.LoadAsync(c, tx, database, targetId, cancellationToken))!;
        var parties = await c.ListAsync<long>("SELECT contact_id FROM case_parties WHERE case_id = @sourceId", new { sourceId }, tx, cancellationToken);
        var decision = source.MergeInto(target, parties, reason, actor, now);
        if (!decision.IsDone) return decision.Result;
        await CaseStore.SaveAsync(c, tx, database, source, decision.Source!, cancellationToken);
        await CaseStore.SaveAsync(c, tx, database, target, decision.Target!, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        signal.EventsCommitted();
        return decision.Result;
    }

    /// <summary>
    /// Withdraws the complaint after an agent checked the complainant withdraws it of their own will (policy: a
    /// withdrawal is voluntary), with the complainant's reason: the record stays, nothing more is owed.
    /// </summary>
    public Task<CommandResult> WithdrawAsync(long caseId, string reason, string actor, CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, (kase, _, _, now, _) => Task.FromResult(kase.Withdraw(reason, actor, now)), cancellationToken);

    /// <summary>Opens a resolved or closed case again: back in the queue with a new forwarding deadline from now.</summary>
    public Task<CommandResult> ReopenAsync(long caseId, string actor, string reason, CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, (kase, _, _, now, _) => Task.FromResult(kase.Reopen(reason, actor, now, policy)), cancellationToken);

    /// <summary>The reopening itself, inside a caller's transaction (the follow-up's "not solved" uses it too).</summary>
    internal static Task<CommandResult> ReopenAsync(DbConnection c, DbTransaction tx, Database database, IDeadlinePolicy policy, long caseId,
        DateTimeOffset now, string actor, string reason, CancellationToken ct) =>
        DecideInAsync(c, tx, database, caseId, kase => kase.Reopen(reason, actor, now, policy), ct);

    /// <summary>
    /// Records the reply as an outbound message and queues it in the outbox in the same transaction; a job sends it
    /// through the case's channel and records the result (ARCHITECTURE.md).
    /// </summary>
    public Task<CommandResult> ReplyAsync(long caseId, string text, string actor, CancellationToken cancellationToken = default) =>
        ReplyAsync(caseId, text, actor, [], cancellationToken);

    /// <param name="attachments">Files from the attachment store the reply carries (issue 16 item 4).</param>
    public Task<CommandResult> ReplyAsync(long caseId, string text, string actor, IReadOnlyList<Core.Messages.Attachment> attachments,
        CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, async (kase, c, tx, now, ct) =>
        {
            var recipient = await CaseRecipient.FindAsync(c, tx, kase.Channel.ToName(), kase.ContactId, ct);
            var parties = await CaseParties.HandlesAsync(c, tx, caseId, ct);
            return kase.Reply(text, attachments, recipient, parties, actor, now);
        }, cancellationToken);

    /// <summary>
    /// Records that the public reply was posted in the forum thread (policy 5.3.1: answered in public, in the centre's
    /// name): the only thing that meets the public-reply deadline. <paramref name="link"/> is the posted reply's URL.
    /// </summary>
    public Task<CommandResult> RecordPublicReplyAsync(long caseId, string link, string actor, CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, (kase, _, _, now, _) => Task.FromResult(kase.RecordPublicReply(link, actor, now)), cancellationToken);

    /// <summary>
    /// The department owner's written answer to the centre (policy 5.2.5): kept on the case as an internal message,
    /// it stops the owner's clock. <paramref name="owner"/> limits an owner to cases forwarded to them now.
    /// </summary>
    public Task<CommandResult> AnswerAsync(long caseId, string text, string actor, OwnerScope owner, CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, (kase, _, _, now, _) => Task.FromResult(kase.Answer(text, owner, actor, now)), cancellationToken);

    /// <summary>Writes the given registration fields (a null leaves the field as it is); the category only when it exists.</summary>
    public async Task<bool> FillAsync(long caseId, CaseFields fields, string actor, CancellationToken cancellationToken = default)
    {
        var result = await DecideAsync(caseId, async (kase, c, tx, now, ct) =>
        {
            var configured = fields.Category is not null
                && await c.FirstOrDefaultAsync<string>("SELECT code FROM categories WHERE code = @Category", fields, tx, ct) is not null;
            return kase.Fill(fields, configured, actor, now);
        }, cancellationToken);
        return result.IsDone;
    }

    /// <summary>Loads the case, lets it decide (issue 13: the aggregate is the only gate) and persists a done decision in the same transaction.</summary>
    /// <param name="afterSave">What the saved decision sets off in the same transaction (a raised class: the supervisors' notice).</param>
    private async Task<CommandResult> DecideAsync(long caseId, Func<Case, DbConnection, DbTransaction, DateTimeOffset, CancellationToken, Task<CaseDecision>> decide,
        CancellationToken cancellationToken, Func<Case, DbConnection, DbTransaction, CancellationToken, Task>? afterSave = null)
    {
        var now = clock.GetUtcNow();
        // Joins the inbound unit when one is in progress (issue 17 item 1: an SMS dialog's answer fills the case in the
        // message's own transaction; on its own connection it would wait for the unit's lock on the case row, forever).
        await using var write = await database.WriteAsync(cancellationToken);
        var (connection, transaction) = (write.Connection, write.Transaction);
        var kase = await CaseStore.LoadAsync(connection, transaction, database, caseId, cancellationToken);
        if (kase is null) return CommandResult.NotFound($"Case {caseId} does not exist.");
        var decision = await decide(kase, connection, transaction, now, cancellationToken);
        // Not done, or nothing to change: nothing was written, an own transaction is rolled back as it is disposed.
        if (!decision.IsDone || decision.Change is null) return decision.Result;
        await CaseStore.SaveAsync(connection, transaction, database, kase, decision, cancellationToken);
        if (afterSave is not null) await afterSave(kase, connection, transaction, cancellationToken);
        write.AfterCommit(signal.EventsCommitted);
        await write.CommitAsync(cancellationToken);
        return decision.Result;
    }

    private static async Task<CommandResult> DecideInAsync(DbConnection c, DbTransaction tx, Database database, long caseId, Func<Case, CaseDecision> decide,
        CancellationToken ct)
    {
        var kase = await CaseStore.LoadAsync(c, tx, database, caseId, ct);
        if (kase is null) return CommandResult.NotFound($"Case {caseId} does not exist.");
        var decision = decide(kase);
        if (decision is { IsDone: true, Change: not null }) await CaseStore.SaveAsync(c, tx, database, kase, decision, ct);
        return decision.Result;
    }
}
