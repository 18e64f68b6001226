using System.Data.Common;

namespace OmniIntake.Data.Units;

/// <summary>
/// The unit of work in progress on this flow (issue 17 item 1): one connection and transaction every store joins
/// through <see cref="Database.WriteAsync"/>, and what runs once it committed.
/// </summary>
public sealed class InboundUnit
{
    private static readonly AsyncLocal<InboundUnit?> Ambient = new();
    private readonly List<Action> _afterCommit = [];

    public InboundUnit(DbConnection connection, DbTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public static InboundUnit? Current => Ambient.Value;

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public void AfterCommit(Action action) => _afterCommit.Add(action);

    /// <summary>Makes this the unit of the current flow until the returned scope is disposed.</summary>
    public IDisposable Enter()
    {
        var previous = Ambient.Value;
        Ambient.Value = this;
        return new Exit(previous);
    }

    /// <summary>What was to follow the commit: run by the unit's runner once the commit succeeded.</summary>
    public void RunAfterCommit()
    {
        foreach (var action in _afterCommit) action();
        _afterCommit.Clear();
    }

    private sealed class Exit(InboundUnit? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
