using Npgsql;

namespace OmniIntake.Data.Events;

/// <summary>
/// Hears, over a PostgreSQL connection of its own (LISTEN), that another server process positioned events: the
/// notification <see cref="EventSequencer"/> sends at the commit of each stamping transaction. Issue 17 item 5: other
/// processes learn of new positions without polling. The connection is not pooled (a LISTEN is session state, and
/// pooled connections are not reset) and sends a keep-alive, so a connection that died silently fails the wait too.
/// </summary>
public sealed class PositionListener(DatabaseOptions options, Database database, EventSequencer sequencer)
{
    /// <summary>The application_name of the listening connection (pg_stat_activity shows it).</summary>
    public const string ApplicationName = "omniintake-live-listen";

    /// <summary>Whether other processes can be told at all: SQLite is embedded in one process and sends nothing.</summary>
    public bool CanListen => database.Dialect.Notify(EventSequencer.PositionedChannel) is not null;

    /// <summary>
    /// Listens until the connection fails (the exception is thrown) or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="listening">Called once the LISTEN took effect: what was positioned before is not announced any more.</param>
    /// <param name="positioned">Called for each notification from another process (this process's own are left out).</param>
    public async Task ListenAsync(Action listening, Action positioned, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            Pooling = false,
            ApplicationName = ApplicationName,
            KeepAlive = 15,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        connection.Notification += (_, e) =>
        {
            if (e.Payload != sequencer.Origin) positioned();
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {EventSequencer.PositionedChannel}", connection))
            await listen.ExecuteNonQueryAsync(cancellationToken);
        listening();
        while (true) await connection.WaitAsync(cancellationToken);
    }
}
