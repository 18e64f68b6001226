using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;
using Microsoft.Extensions.Logging;
using OmniIntake.Channels.Email.Ingest;
using OmniIntake.Channels.Email.Setup;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Polling;

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

    public string PollerName => mailbox.PollerName;

    public void Dispose() => _gate.Dispose();

    /// <summary>The Hangfire entry point: a sweep, then the stall check that raises the alert.</summary>
    public async Task RunScheduledAsync(CancellationToken cancellationToken)
    {
        await RunAsync(cancellationToken);
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
            using var client = new ImapClient { Timeout = 60_000 };
            var folder = await MailboxConnection.OpenAsync(client, mailbox, FolderAccess.ReadWrite, cancellationToken);
            var result = await SweepFolderAsync(folder, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            await state.RecordAsync(PollerName, null, cancellationToken);
            return result;
        }
        catch (Exception ex) when (MailboxConnection.IsServerFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            var error = MailboxConnection.Describe(ex);
            logger.LogWarning("Mailbox {Mailbox} could not be swept: {Error}", PollerName, error);
            await state.RecordAsync(PollerName, error, cancellationToken);
            return new SweepResult(SweepOutcome.ServerFailed, 0, 0, 0, error);
        }
        finally
        {
            await state.ReleaseAsync(PollerName, _holder, CancellationToken.None);
        }
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
                var results = await IngestBatchAsync(work, recogniseCopies, cancellationToken);
                var processed = new List<UniqueId>();
                var batchTaken = 0;
                foreach (var (item, result) in work.Zip(results))
                {
                    fetched++;
                    if (result.Disposition == RawDisposition.Failed)
                    {
                        // Left unread in the mailbox for a person to see; the hub has it as a failed raw message.
                        failed++;
                        continue;
                    }
                    if (result.Intake is { Outcome: not IntakeOutcome.Duplicate }) batchTaken++;
                    processed.Add(item.Uid);
                }
                await MarkProcessedAsync(folder, processed, cancellationToken);
                last = uids[^1].Id;
                taken += batchTaken;
                if (!await state.AdvanceAsync(PollerName, _holder, new PollerCursor(epoch, last), batchTaken, cancellationToken))
                    return new SweepResult(SweepOutcome.LeasedElsewhere, fetched, taken, failed);
            }
        }
    }

    private sealed record FetchedMail(UniqueId Uid, string ExternalId, DateTimeOffset ReceivedAt, byte[] Bytes, long? TooLargeSize, string SenderKey);

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
                work.Add(new FetchedMail(uid, externalId, ReceivedAt(summary), bytes, null, SenderKey(bytes)));
            }
            else if (summary.Size > options.MaxMessageBytes)
            {
                var headers = await folder.GetHeadersAsync(uid, cancellationToken);
                using var buffer = new MemoryStream();
                await headers.WriteToAsync(buffer, cancellationToken);
                work.Add(new FetchedMail(uid, externalId, ReceivedAt(summary), buffer.ToArray(), summary.Size ?? 0, ""));
            }
            // else: expunged by someone else between SEARCH and FETCH, nothing to take.
        }
        return work;
    }

    /// <summary>
    /// Ingests a batch with up to <see cref="ImapMailboxOptions.Parallelism"/> senders at once; one sender's mail goes in
    /// UID order, so a customer's second mail finds the case their first one opened.
    /// </summary>
    private async Task<IngestedEmail[]> IngestBatchAsync(List<FetchedMail> work, bool recogniseCopies, CancellationToken cancellationToken)
    {
        var results = new IngestedEmail[work.Count];
        var groups = work.Select((item, index) => (item, index)).GroupBy(w => w.item.SenderKey).ToList();
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = mailbox.Parallelism, CancellationToken = cancellationToken },
            async (group, ct) =>
            {
                foreach (var (item, index) in group)
                {
                    results[index] = item.TooLargeSize is { } size
                        // Too large to take in: its headers are kept as a failed raw message, so it is visible, not lost.
                        ? await ingestor.KeepTooLargeAsync(item.Bytes, item.ExternalId, item.ReceivedAt, size, ct)
                        : await ingestor.IngestAsync(item.Bytes, item.ExternalId, item.ReceivedAt, recogniseCopies, ct);
                }
            });
        return results;
    }

    /// <summary>Who sent it, from the headers alone: mail of one sender is taken one after the other.</summary>
    private static string SenderKey(byte[] bytes)
    {
        try
        {
            var headers = HeaderList.Load(new MemoryStream(bytes, writable: false));
            var from = headers[HeaderId.From];
            return from is null ? "" : (InternetAddressList.TryParse(from, out var list) && list.Mailboxes.FirstOrDefault() is { } box
                ? box.Address.ToLowerInvariant()
                : from);
        }
        catch (FormatException)
        {
            return ""; // unreadable headers: the ingestor keeps it as failed; all such mail shares one lane
        }
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
