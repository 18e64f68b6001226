using OmniIntake.Core.Intake;

namespace OmniIntake.Data.Units;

/// <summary>
/// One unit, one transaction, no batching: the work's writes join it through <see cref="Database.WriteAsync"/> and it
/// commits once. The group-committing runner shares a commit between concurrent units.
/// </summary>
public sealed class DirectInboundUnits(Database database) : IInboundUnits
{
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (InboundUnit.Current is not null) return await work(cancellationToken); // already inside a unit: part of it
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var unit = new InboundUnit(connection, transaction);
        T result;
        using (unit.Enter()) result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        unit.RunAfterCommit();
        return result;
    }
}
