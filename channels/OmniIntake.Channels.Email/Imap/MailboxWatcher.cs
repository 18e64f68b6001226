using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmniIntake.Channels.Email.Setup;
using OmniIntake.Core.Polling;
using OmniIntake.Core.Resilience;

namespace OmniIntake.Channels.Email.Imap;

/// <summary>
/// Keeps one connection to the mailbox only to learn when mail arrives: IDLE where the server offers it (re-issued
/// every <see cref="ImapMailboxOptions.IdleRestart"/>), NOOP every <see cref="ImapMailboxOptions.PollInterval"/> where
/// not. A change only wakes the <see cref="MailboxSweep"/>; the sweep does all the reading. A server that is down or
/// refuses the login is retried with exponential backoff up to <see cref="ImapMailboxOptions.MaxBackoff"/>.
/// </summary>
public sealed class MailboxWatcher(ImapMailboxOptions mailbox, MailboxSweep sweep, IPollerStateStore state, ILogger<MailboxWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WatchAsync(() => backoff = TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (MailboxConnection.IsServerFailure(ex))
            {
                var error = MailboxConnection.Describe(ex);
                logger.LogWarning("Mailbox {Mailbox}: {Error}; trying again in {Delay}.", mailbox.PollerName, error, backoff);
                await RecordQuietlyAsync(error, stoppingToken);
            }
            catch (Exception ex) when (TransientFailure.Is(ex))
            {
                logger.LogWarning("Mailbox {Mailbox}: the sweep failed ({Error}); trying again in {Delay}.", mailbox.PollerName,
                    TransientFailure.Describe(ex), backoff);
            }
            catch (Exception ex)
            {
                // Issue 12: not even a bug stops the host; it is logged in full and the watch resumes after the back-off.
                logger.LogError(ex, "Mailbox {Mailbox}: the watch failed; trying again in {Delay}.", mailbox.PollerName, backoff);
            }
            try
            {
                await Task.Delay(backoff, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            backoff = TimeSpan.FromTicks(Math.Min(mailbox.MaxBackoff.Ticks, backoff.Ticks * 2));
        }
    }

    private async Task WatchAsync(Action connected, CancellationToken stoppingToken)
    {
        using var client = new ImapClient { Timeout = 60_000 };
        var folder = await MailboxConnection.OpenAsync(client, mailbox, FolderAccess.ReadOnly, stoppingToken);
        connected();
        var changed = 1; // a sweep at start catches up with whatever came while nobody watched
        CancellationTokenSource? idle = null;
        void OnChange(object? sender, EventArgs e)
        {
            Interlocked.Exchange(ref changed, 1);
            // Ends the IDLE now so the sweep runs at once (events arrive on the connection's own reading).
            try { idle?.Cancel(); } catch (ObjectDisposedException) { }
        }
        folder.CountChanged += OnChange;
        sweep.Watching(true);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (Interlocked.Exchange(ref changed, 0) == 1)
                {
                    var result = await sweep.RunAsync(stoppingToken);
                    if (result.Outcome == SweepOutcome.ServerFailed) throw new IOException(result.Error);
                }
                if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
                {
                    using var done = new CancellationTokenSource(mailbox.IdleRestart);
                    idle = done;
                    if (Volatile.Read(ref changed) == 0) await client.IdleAsync(done.Token, stoppingToken);
                    idle = null;
                }
                else
                {
                    await Task.Delay(mailbox.PollInterval, stoppingToken);
                    await client.NoOpAsync(stoppingToken);
                }
            }
        }
        finally
        {
            sweep.Watching(false);
            folder.CountChanged -= OnChange;
        }
        await client.DisconnectAsync(true, CancellationToken.None);
    }

    private async Task RecordQuietlyAsync(string error, CancellationToken stoppingToken)
    {
        try
        {
            await state.RecordAsync(mailbox.PollerName, error, stoppingToken);
        }
        catch (Exception ex) when (TransientFailure.Is(ex) || ex is InvalidOperationException)
        {
            logger.LogWarning("Could not record the mailbox failure ({Error}).", TransientFailure.Describe(ex));
        }
    }
}
