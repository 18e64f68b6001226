using System.Data.Common;

namespace OmniIntake.Data.Units;

/// <summary>
/// A store's write: its own connection and transaction, or, inside an inbound unit (issue 17 item 1), the unit's, whose
/// commit is the unit's. Stores on the inbound path write through this, so a message's writes commit together.
/// </summary>
public sealed class WriteScope : IAsyncDisposable
{
    private readonly bool _owned;
    private readonly List<Action> _afterCommit = [];

    internal WriteScope(DbConnection connection, DbTransaction transaction, bool owned)
    {
        Connection = connection;
        Transaction = transaction;
        _owned = owned;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>True when this write joined an inbound unit: it commits with the unit.</summary>
    public bool Joined => !_owned;

    /// <summary>Commits an own transaction; inside a unit, nothing (the unit commits).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (!_owned) return;
        await Transaction.CommitAsync(cancellationToken);
        foreach (var action in _afterCommit) action();
    }

    /// <summary>
    /// Undoes the write: an own transaction rolls back; inside a unit the whole unit must be undone and run again, so this
    /// throws <see cref="UnitConflictException"/>, which the unit's runner catches (it rolls the unit back and runs it alone).
    /// </summary>
    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        if (!_owned) throw new UnitConflictException();
        await Transaction.RollbackAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="action"/> once the write is committed (the unit's commit when joined).</summary>
    public void AfterCommit(Action action)
    {
        if (_owned) _afterCommit.Add(action);
        else InboundUnit.Current?.AfterCommit(action);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_owned) return;
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
