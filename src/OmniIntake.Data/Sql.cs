using System.Data.Common;
using Dapper;

namespace OmniIntake.Data;

/// <summary>Dapper calls with the transaction and the cancellation token always passed.</summary>
internal static class Sql
{
    public static Task<int> ExecAsync(this DbConnection c, string sql, object? param, DbTransaction? tx, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(sql, param, tx, cancellationToken: ct));

    public static Task<T?> OneOrDefaultAsync<T>(this DbConnection c, string sql, object? param, DbTransaction? tx, CancellationToken ct) =>
        c.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, param, tx, cancellationToken: ct));

    public static Task<T?> FirstOrDefaultAsync<T>(this DbConnection c, string sql, object? param, DbTransaction? tx, CancellationToken ct) =>
        c.QueryFirstOrDefaultAsync<T>(new CommandDefinition(sql, param, tx, cancellationToken: ct));

    public static Task<T> OneAsync<T>(this DbConnection c, string sql, object? param, DbTransaction? tx, CancellationToken ct) =>
        c.QuerySingleAsync<T>(new CommandDefinition(sql, param, tx, cancellationToken: ct));

    public static async Task<IReadOnlyList<T>> ListAsync<T>(this DbConnection c, string sql, object? param, DbTransaction? tx, CancellationToken ct) =>
        (await c.QueryAsync<T>(new CommandDefinition(sql, param, tx, cancellationToken: ct))).AsList();
}
