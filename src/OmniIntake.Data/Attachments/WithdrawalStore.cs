namespace OmniIntake.Data.Attachments;

/// <summary>A complainant's request to withdraw, as kept with the case (issue 16 item 5).</summary>
public sealed class WithdrawalView
{
    public long Id { get; init; }
    public long CaseId { get; init; }
    public string Reason { get; init; } = "";
    public DateTimeOffset RequestedAt { get; init; }
    public long? MessageId { get; init; }
}

/// <summary>
/// Withdrawal requests from the status page. The case is not withdrawn by the request: the policy has an agent check
/// that the withdrawal is voluntary first, so the request is kept with its reason and shown on the case.
/// </summary>
public sealed class WithdrawalStore(Database database, TimeProvider clock)
{
    public async Task<long> RequestAsync(long caseId, string reason, long? messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneAsync<long>(
            "INSERT INTO case_withdrawals (case_id, reason, requested_at, message_id) VALUES (@caseId, @reason, @now, @messageId) RETURNING id",
            new { caseId, reason, now = clock.GetUtcNow(), messageId }, null, cancellationToken);
    }

    public async Task<IReadOnlyList<WithdrawalView>> ListAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<WithdrawalView>(
            "SELECT id, case_id, reason, requested_at, message_id FROM case_withdrawals WHERE case_id = @caseId ORDER BY id", new { caseId }, null,
            cancellationToken);
    }
}

/// <summary>Whose message an attachment is on: the case it belongs to and where that case stands (who may open it).</summary>
public sealed class MessageCase
{
    public long CaseId { get; init; }
    public string CaseNumber { get; init; } = "";
    public long? DepartmentId { get; init; }
    public string Status { get; init; } = "";
}

public sealed class MessageCaseQuery(Database database)
{
    public async Task<MessageCase?> FindAsync(long messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneOrDefaultAsync<MessageCase>(
            "SELECT c.id AS case_id, c.number AS case_number, c.department_id, c.status FROM messages m JOIN cases c ON c.id = m.case_id WHERE m.id = @messageId",
            new { messageId }, null, cancellationToken);
    }
}
