using OmniIntake.Core.Intake;

namespace OmniIntake.Data.Units;

/// <summary>
/// One unit, one transaction, no batching: the work's writes join it through <see cref="Database.WriteAsync"/> and it
/// commits once; a <see cref="UnitConflictException"/> rolls it back and runs it again. The group-committing runner
/// shares a commit between concurrent units.
/// </summary>
public sealed class DirectInboundUnits(Database database) : IInboundUnits
{
    private const int Attempts = 3;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (InboundUnit.Current is not null) return await work(cancellationToken); // already inside a unit: part of it
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            var unit = new InboundUnit(connection, transaction);
            T result;
            try
            {
                using (unit.Enter()) result = await work(cancellationToken);
            }
            catch (UnitConflictException) when (attempt < Attempts)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }
            await transaction.CommitAsync(cancellationToken);
            unit.RunAfterCommit();
            return result;
        }
    }
}
