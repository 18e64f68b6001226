using OmniIntake.Core.Sms;

namespace OmniIntake.Data.Sms;

/// <summary>SMS opt-outs; what the inbound path asks and writes joins the message's unit (issue 17 item 1).</summary>
public sealed class SqlOptOutStore(Database database, TimeProvider clock) : IOptOutStore
{
    public async Task OptOutAsync(string phone, string keyword, CancellationToken cancellationToken = default)
    {
        await using var write = await database.WriteAsync(cancellationToken);
        await write.Connection.ExecAsync(
            "INSERT INTO sms_opt_outs (phone, keyword, opted_out_at) VALUES (@phone, @keyword, @now) ON CONFLICT (phone) DO NOTHING",
            new { phone, keyword, now = clock.GetUtcNow() }, write.Transaction, cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    public async Task<bool> OptInAsync(string phone, CancellationToken cancellationToken = default)
    {
        await using var write = await database.WriteAsync(cancellationToken);
        var removed = await write.Connection.ExecAsync("DELETE FROM sms_opt_outs WHERE phone = @phone", new { phone }, write.Transaction, cancellationToken) > 0;
        await write.CommitAsync(cancellationToken);
        return removed;
    }

    public async Task<bool> IsOptedOutAsync(string phone, CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        return await read.Connection.OneAsync<long>("SELECT COUNT(*) FROM sms_opt_outs WHERE phone = @phone", new { phone }, read.Transaction,
            cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<OptOut>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync<Row>("SELECT phone, keyword, opted_out_at FROM sms_opt_outs ORDER BY opted_out_at DESC", null, null,
            cancellationToken);
        return rows.Select(r => new OptOut(r.Phone, r.Keyword, r.OptedOutAt)).ToList();
    }

    private sealed class Row
    {
        public string Phone { get; init; } = "";
        public string Keyword { get; init; } = "";
        public DateTimeOffset OptedOutAt { get; init; }
    }
}
