using Microsoft.Extensions.Diagnostics.HealthChecks;
using OmniIntake.Channels.Email.Setup;
using OmniIntake.Core.Polling;

namespace OmniIntake.Channels.Email.Imap;

/// <summary>Healthy while the mailbox is read; degraded while it fails; unhealthy once it has stalled.</summary>
public sealed class MailboxHealthCheck(ImapMailboxOptions mailbox, IPollerStateStore state, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var poller = await state.FindAsync(mailbox.PollerName, cancellationToken);
        if (poller is null) return HealthCheckResult.Degraded($"{mailbox.PollerName}: not read yet.");
        var data = new Dictionary<string, object>
        {
            ["lastSuccessAt"] = poller.LastSuccessAt?.ToString("O") ?? "never",
            ["failures"] = poller.Failures,
            ["taken"] = poller.Taken,
        };
        if (poller.IsStalled(clock.GetUtcNow(), mailbox.StallAfter))
            return HealthCheckResult.Unhealthy($"{mailbox.PollerName}: stalled; last error: {poller.LastError}", data: data);
        return poller.Failures > 0
            ? HealthCheckResult.Degraded($"{mailbox.PollerName}: failing ({poller.Failures}): {poller.LastError}", data: data)
            : HealthCheckResult.Healthy($"{mailbox.PollerName}: read at {poller.LastSuccessAt:O}", data);
    }
}
