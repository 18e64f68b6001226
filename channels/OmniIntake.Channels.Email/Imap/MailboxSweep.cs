using System.Data.Common;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using OmniIntake.Channels.Email.Ingest;
using OmniIntake.Channels.Email.Setup;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Polling;
using OmniIntake.Core.Resilience;

namespace OmniIntake.Channels.Email.Imap;

public sealed record SweepResult(SweepOutcome Outcome, int Fetched, int Taken, int Failed, string? Error = null);

public enum SweepOutcome
{
    Done,

    /// <summary>Another process holds the mailbox's lease: it sweeps, this one does not.</summary>
    LeasedElsewhere,

    /// <summary>The server could not be reached or refused the login; recorded for health, tried again with backoff.</summary>
    ServerFailed,
}

/// <summary>
/// One pass over the mailbox: every message above the committed UID is fetched (BODY.PEEK, so nothing is marked by
/// reading), taken in through <see cref="EmailIngestor"/>, then flagged \Seen or moved, and only then the cursor moves.
/// A crash anywhere in between re-reads a message the intake already has: its identity (account, folder,
/// UIDVALIDITY, UID) makes it a duplicate, never a second case. Run by Hangfire every minute and at once by the
/// <see cref="MailboxWatcher"/> when IDLE reports new mail; a lease in the database keeps two processes off one mailbox.
/// </summary>
public sealed class MailboxSweep(ImapMailboxOptions mailbox, EmailChannelOptions options, EmailIngestor ingestor, IPollerStateStore state,
    TimeProvider clock, ILogger<MailboxSweep> logger) : IDisposable
{
    public const string RecurringId = "email-imap-sweep";

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _again;
    private int _watching;
    private long _lastSweptTicks;

    // The sweep's own connection, kept open between sweeps (used under the gate only): a new mail costs a UID SEARCH and
    // a FETCH, not a TCP connect, a login and a SELECT each time (issue 17 item 6: APPEND -> case latency).
    private ImapClient? _client;
    private IMailFolder? _folder;

    public string PollerName => mailbox.PollerName;

    public void Dispose()
    {
        _client?.Dispose();
        _gate.Dispose();
    }

    /// <summary>The <see cref="MailboxWatcher"/> of this process is connected and wakes a sweep on new mail (or not).</summary>
    internal void Watching(bool watching) => Volatile.Write(ref _watching, watching ? 1 : 0);

    /// <summary>
    /// The Hangfire entry point: a sweep, then the stall check that raises the alert. Issue 17 item 6: while this
    /// process's watcher is connected and has swept within the last minute, the job does not sweep. At the minute
    /// boundary it runs on a Hangfire worker beside the class sweep and the other minutely jobs; holding the mailbox's
    /// gate there, it made mail arriving then wait for it. It still sweeps when nothing here swept for a minute (IDLE
    /// silent, the watcher down or elsewhere) and always checks the stall.
    /// </summary>
    public async Task RunScheduledAsync(CancellationToken cancellationToken)
    {
        var swept = new DateTimeOffset(Interlocked.Read(ref _lastSweptTicks), TimeSpan.Zero);
        if (Volatile.Read(ref _watching) == 0 || clock.GetUtcNow() - swept > TimeSpan.FromMinutes(1)) await RunAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (await state.FindAsync(PollerName, cancellationToken) is { } poller && poller.IsStalled(now, mailbox.StallAfter))
        {
            logger.LogError("ALERT: mailbox {Mailbox} has not been read successfully since {LastSuccess} ({Failures} failures, last: {Error}).",
                PollerName, poller.LastSuccessAt?.ToString("u") ?? "never", poller.Failures, poller.LastError);
        }
    }

    /// <summary>Sweeps unless a sweep of this process is running; then that one goes round once more instead.</summary>
    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _again, 1);
        if (!await _gate.WaitAsync(0, cancellationToken)) return new SweepResult(SweepOutcome.Done, 0, 0, 0);
        try
        {
            var total = new SweepResult(SweepOutcome.Done, 0, 0, 0);
            while (Interlocked.Exchange(ref _again, 0) == 1)
            {
                var result = await SweepOnceAsync(cancellationToken);
                total = result with { Fetched = total.Fetched + result.Fetched, Taken = total.Taken + result.Taken, Failed = total.Failed + result.Failed };
                if (result.Outcome != SweepOutcome.Done) return total;
            }
            return total;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SweepResult> SweepOnceAsync(CancellationToken cancellationToken)
    {
        if (!await state.TryLeaseAsync(PollerName, _holder, mailbox.LeaseTtl, cancellationToken))
            return new SweepResult(SweepOutcome.LeasedElsewhere, 0, 0, 0);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var reused = _client is not null;
                try
                {
                    var result = await SweepFolderAsync(await FolderAsync(cancellationToken), cancellationToken);
                    await state.RecordAsync(PollerName, null, cancellationToken);
                    Interlocked.Exchange(ref _lastSweptTicks, clock.GetUtcNow().UtcTicks);
                    return result;
                }
                catch (Exception ex) when (MailboxConnection.IsServerFailure(ex) && !cancellationToken.IsCancellationRequested)
                {
                    DropConnection();
                    // The kept connection may have gone stale (the server's idle logout): once more on a fresh one.
                    if (reused && attempt == 1) continue;
                    var error = MailboxConnection.Describe(ex);
                    logger.LogWarning("Mailbox {Mailbox} could not be swept: {Error}", PollerName, error);
                    await state.RecordAsync(PollerName, error, cancellationToken);
                    return new SweepResult(SweepOutcome.ServerFailed, 0, 0, 0, error);
                }
            }
        }
        finally
        {
            await state.ReleaseAsync(PollerName, _holder, CancellationToken.None);
        }
    }

    /// <summary>The mailbox folder on the kept connection, connecting and selecting it when there is none.</summary>
    private async Task<IMailFolder> FolderAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true, IsAuthenticated: true } && _folder is { IsOpen: true })
        {
            // A selected folder learns of new mail at the server's sync points; NOOP is one (a UID SEARCH alone is not).
            await _client.NoOpAsync(cancellationToken);
            return _folder;
        }
        DropConnection();
        var client = new ImapClient { Timeout = 60_000 };
        try
        {
            _folder = await MailboxConnection.OpenAsync(client, mailbox, FolderAccess.ReadWrite, cancellationToken);
            _client = client;
            return _folder;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private void DropConnection()
    {
        _client?.Dispose();
        _client = null;
        _folder = null;
    }

    private async Task<SweepResult> SweepFolderAsync(IMailFolder folder, CancellationToken cancellationToken)
    {
        var epoch = folder.UidValidity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var cursor = await state.CursorAsync(PollerName, cancellationToken);
        if (cursor is not null && cursor.Epoch != epoch)
        {
            // The server renumbered the folder: read it again; mail already taken is recognised by its bytes.
            logger.LogWarning("Mailbox {Mailbox}: UIDVALIDITY changed from {Old} to {New}; re-reading the folder.", PollerName, cursor.Epoch, epoch);
        }
        var last = cursor?.Epoch == epoch ? (uint)cursor.Position : 0u;
        // Mail this poller never read may have been taken under another identity (a renumbered folder, a renamed host):
        // then compare bytes. In the steady state the identity alone decides, at no extra cost.
        var recogniseCopies = cursor is null || cursor.Epoch != epoch;
        int fetched = 0, taken = 0, failed = 0;
        while (true)
        {
            // "UID n:*" always answers at least the newest message, even below n: keep only what is above the cursor.
            var pending = (await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(last + 1), UniqueId.MaxValue)), cancellationToken))
                .Where(u => u.Id > last).OrderBy(u => u.Id).ToList();
            if (pending.Count == 0) return new SweepResult(SweepOutcome.Done, fetched, taken, failed);
            foreach (var uids in pending.Chunk(mailbox.BatchSize))
            {
                if (!await state.TryLeaseAsync(PollerName, _holder, mailbox.LeaseTtl, cancellationToken))
                    return new SweepResult(SweepOutcome.LeasedElsewhere, fetched, taken, failed);
                var work = await FetchBatchAsync(folder, epoch, uids, cancellationToken);
                var outcomes = await IngestBatchAsync(work, recogniseCopies, cancellationToken);
                var processed = new List<UniqueId>();
                var batchTaken = 0;
                // Issue 17 item 2: the cursor passes only mail whose unit committed. A mail the database could not take
                // (not the mail's fault) stops it just below that mail: the mail and everything after it are read again
                // by the next sweep (what was taken meanwhile is a duplicate by its identity, never a second case).
                var stuck = outcomes.Where(o => o.Error is not null).Select(o => (uint?)o.Mail.Uid.Id).Min();
                foreach (var outcome in outcomes)
                {
                    if (outcome.Result is not { } result) continue;
                    fetched++;
                    if (result.Disposition == RawDisposition.Failed)
                    {
                        // Left unread in the mailbox for a person to see; the hub has it as a failed raw message.
                        failed++;
                        continue;
                    }
                    if (result.Intake is { Outcome: not IntakeOutcome.Duplicate }) batchTaken++;
                    processed.Add(outcome.Mail.Uid);
                }
                // After the commits, outside every unit: flagging again a mail already flagged is harmless.
                await MarkProcessedAsync(folder, processed, cancellationToken);
                last = stuck is { } below ? Math.Max(last, below - 1) : uids[^1].Id;
                taken += batchTaken;
                if (!await state.AdvanceAsync(PollerName, _holder, new PollerCursor(epoch, last), batchTaken, cancellationToken))
                    return new SweepResult(SweepOutcome.LeasedElsewhere, fetched, taken, failed);
                if (stuck is not null)
                {
                    var error = outcomes.First(o => o.Error is not null).Error!;
                    logger.LogWarning("Mailbox {Mailbox}: a mail could not be taken ({Error}); the sweep stops before it and tries again later.",
                        PollerName, error);
                    return new SweepResult(SweepOutcome.Done, fetched, taken, failed, error);
                }
            }
        }
    }

    private sealed record FetchedMail(UniqueId Uid, string ExternalId, DateTimeOffset ReceivedAt, byte[] Bytes, long? TooLargeSize, MailLaneHeaders Headers);

    /// <summary>The batch's bytes (one FETCH), in UID order; a message above the size limit brings only its headers.</summary>
    private async Task<List<FetchedMail>> FetchBatchAsync(IMailFolder folder, string epoch, IList<UniqueId> uids, CancellationToken cancellationToken)
    {
        var summaries = (await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.InternalDate,
            cancellationToken)).OrderBy(s => s.UniqueId.Id).ToList();
        var bodies = await FetchBodiesAsync(folder, summaries.Where(s => s.Size <= options.MaxMessageBytes).Select(s => s.UniqueId).ToList(),
            cancellationToken);
        var work = new List<FetchedMail>();
        foreach (var summary in summaries)
        {
            var uid = summary.UniqueId;
            var externalId = $"imap:{mailbox.Username}@{mailbox.Host}/{mailbox.Folder}/{epoch}/{uid.Id}";
            if (bodies.TryGetValue(uid.Id, out var bytes))
            {
                work.Add(new FetchedMail(uid, externalId, ReceivedAt(summary), bytes, null, MailLaneHeaders.Read(bytes)));
            }
            else if (summary.Size > options.MaxMessageBytes)
            {
                var headers = await folder.GetHeadersAsync(uid, cancellationToken);
                using var buffer = new MemoryStream();
                await headers.WriteToAsync(buffer, cancellationToken);
                work.Add(new FetchedMail(uid, externalId, ReceivedAt(summary), buffer.ToArray(), summary.Size ?? 0, MailLaneHeaders.None));
            }
            // else: expunged by someone else between SEARCH and FETCH, nothing to take.
        }
        return work;
    }

    /// <summary>What became of one fetched mail: its result, or the database failure that left it for the next sweep.</summary>
    private sealed record MailOutcome(FetchedMail Mail, IngestedEmail? Result, string? Error);

    /// <summary>
    /// Issue 17 item 2: a batch goes in as concurrent units, up to <see cref="ImapMailboxOptions.Parallelism"/> at once, so
    /// a group-committing runner shares their commits. Mail of one conversation (<see cref="MailLanes"/>: one sender, or
    /// a reply and the mail it answers) goes in UID order in one lane, each unit committed before the next starts, so a
    /// customer's second mail or a reply finds the case the first one opened. A mail that fails for a reason of its own is
    /// set aside alone; a database failure leaves that mail (and the rest of its lane) for the next sweep.
    /// </summary>
    private async Task<List<MailOutcome>> IngestBatchAsync(List<FetchedMail> work, bool recogniseCopies, CancellationToken cancellationToken)
    {
        var outcomes = new MailOutcome?[work.Count];
        var lanes = MailLanes.Of(work.Select(w => w.Headers).ToList());
        await Parallel.ForEachAsync(lanes, new ParallelOptions { MaxDegreeOfParallelism = mailbox.Parallelism, CancellationToken = cancellationToken },
            async (lane, ct) =>
            {
                foreach (var index in lane)
                {
                    outcomes[index] = await IngestOneAsync(work[index], recogniseCopies, ct);
                    if (outcomes[index]!.Error is not null) return; // the rest of the conversation waits for the next sweep, in order
                }
            });
        return [.. outcomes.Where(o => o is not null).Select(o => o!)];
    }

    private async Task<MailOutcome> IngestOneAsync(FetchedMail item, bool recogniseCopies, CancellationToken cancellationToken)
    {
        try
        {
            return new MailOutcome(item, item.TooLargeSize is { } size
                // Too large to take in: its headers are kept as a failed raw message, so it is visible, not lost.
                ? await ingestor.KeepTooLargeAsync(item.Bytes, item.ExternalId, item.ReceivedAt, size, cancellationToken)
                : await ingestor.IngestAsync(item.Bytes, item.ExternalId, item.ReceivedAt, recogniseCopies, cancellationToken), null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsDatabaseFailure(ex))
        {
            return new MailOutcome(item, null, TransientFailure.Describe(ex));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The mail's own fault (a reader or intake bug on what it holds): its unit was undone; it is kept as failed, alone.
            logger.LogError(ex, "Mailbox {Mailbox}: a mail could not be taken; it is set aside.", PollerName);
            return new MailOutcome(item, await ingestor.SetAsideAsync(item.Bytes, item.ExternalId, item.ReceivedAt,
                $"The message could not be taken: {TransientFailure.Describe(ex)}", cancellationToken), null);
        }
    }

    /// <summary>The database or the network, not the mail: nothing is set aside, the mail is read again later.</summary>
    private static bool IsDatabaseFailure(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is DbException or TimeoutException or IOException or OperationCanceledException) return true;
        return false;
    }

    /// <summary>The raw bytes of a batch in one FETCH BODY.PEEK[] (reading marks nothing).</summary>
    private static async Task<Dictionary<uint, byte[]>> FetchBodiesAsync(IMailFolder folder, List<UniqueId> uids, CancellationToken cancellationToken)
    {
        var bodies = new Dictionary<uint, byte[]>();
        if (uids.Count == 0) return bodies;
        if (folder is ImapFolder imap)
        {
            await imap.GetStreamsAsync(uids, async (_, _, uid, stream, ct) =>
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                bodies[uid.Id] = buffer.ToArray();
            }, cancellationToken);
            return bodies;
        }
        foreach (var uid in uids)
        {
            await using var stream = await folder.GetStreamAsync(uid, cancellationToken);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            bodies[uid.Id] = buffer.ToArray();
        }
        return bodies;
    }

    private async Task MarkProcessedAsync(IMailFolder folder, List<UniqueId> processed, CancellationToken cancellationToken)
    {
        if (processed.Count == 0) return;
        if (mailbox.AfterProcessing == AfterProcessing.Move)
        {
            var target = await MailboxConnection.ProcessedFolderAsync(folder, mailbox, cancellationToken);
            await folder.MoveToAsync(processed, target, cancellationToken);
        }
        else
        {
            await folder.StoreAsync(processed, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, cancellationToken);
        }
    }

    private DateTimeOffset ReceivedAt(IMessageSummary summary)
    {
        // The server's arrival time is when the organisation received the complaint; the deadline clock starts there,
        // even if the hub was down. Never in the future, whatever the server's clock says.
        var now = clock.GetUtcNow();
        return summary.InternalDate is { } arrived && arrived <= now ? arrived.ToUniversalTime() : now;
    }
}
