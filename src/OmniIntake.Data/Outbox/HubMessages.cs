using System.Data.Common;
using OmniIntake.Core.Audit;
using OmniIntake.Core.Cases;
using OmniIntake.Data.Cases;

namespace OmniIntake.Data.Outbox;

/// <summary>
/// A message the hub writes by itself (an acknowledgement, a follow-up, a notice to a supervisor), kept on the case
/// and queued in the outbox as automatic, inside the caller's transaction: sent exactly when the change commits.
/// </summary>
internal static class HubMessages
{
    /// <param name="direction">"outbound" to the customer, "notification" to a supervisor.</param>
    /// <param name="sealedText">What to send instead of <paramref name="text"/> (which the case file shows), sealed (<see cref="Core.Outbound.IOutboundSeal"/>).</param>
    /// <param name="onceKey">The key that makes the row the only one of its kind (an automatic reply queued once per message).</param>
    /// <returns>The message's id.</returns>
    public static async Task<long> QueueAsync(DbConnection c, DbTransaction tx, Database database, long caseId, string direction, string channel,
        string recipient, string? subject, string text, DateTimeOffset now, CancellationToken ct, string? sealedText = null, string? onceKey = null)
    {
        var messageId = await CaseMessages.AddAsync(c, tx, caseId, channel, new CaseMessageDraft(direction, "hub", AuditActors.System, subject, text), now, ct);
        await c.ExecAsync(
            $"""
             INSERT INTO outbox (case_id, message_id, channel, recipient, status, attempts, next_attempt_at, created_at, automatic, sealed_text, once_key)
             VALUES (@caseId, @messageId, @channel, @recipient, 'pending', 0, @now, @now, {database.True}, @sealedText, @onceKey)
             """, new { caseId, messageId, channel, recipient, now, sealedText, onceKey }, tx, ct);
        return messageId;
    }
}
