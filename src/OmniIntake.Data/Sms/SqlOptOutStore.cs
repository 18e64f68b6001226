using OmniIntake.Core.Sms;

namespace OmniIntake.Data.Sms;

public sealed class SqlOptOutStore(Database database, TimeProvider clock) : IOptOutStore
{
    public async Task OptOutAsync(string phone, string keyword, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync(
            "INSERT INTO sms_opt_outs (phone, keyword, opted_out_at) VALUES (@phone, @keyword, @now) ON CONFLICT (phone) DO NOTHING",
            new { phone, keyword, now = clock.GetUtcNow() }, null, cancellationToken);
    }

    public async Task<bool> OptInAsync(string phone, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecAsync("DELETE FROM sms_opt_outs WHERE phone = @phone", new { phone }, null, cancellationToken) > 0;
    }

    public async Task<bool> IsOptedOutAsync(string phone, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneAsync<long>("SELECT COUNT(*) FROM sms_opt_outs WHERE phone = @phone", new { phone }, null, cancellationToken) > 0;
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
