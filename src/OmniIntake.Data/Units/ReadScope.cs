using System.Data.Common;

namespace OmniIntake.Data.Units;

/// <summary>
/// A store's read: its own connection, or inside an inbound unit the unit's connection and transaction, so the read
/// sees what the unit wrote and costs no connection or commit of its own (issue 17 item 1).
/// </summary>
public sealed class ReadScope : IAsyncDisposable
{
    private readonly bool _owned;

    internal ReadScope(DbConnection connection, DbTransaction? transaction, bool owned)
    {
        Connection = connection;
        Transaction = transaction;
        _owned = owned;
    }

    public DbConnection Connection { get; }

    /// <summary>The unit's transaction inside a unit; null otherwise (pass it to every command).</summary>
    public DbTransaction? Transaction { get; }

    public ValueTask DisposeAsync() => _owned ? Connection.DisposeAsync() : ValueTask.CompletedTask;
}
