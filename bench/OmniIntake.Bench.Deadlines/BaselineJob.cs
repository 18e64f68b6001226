using Dapper;
using Npgsql;

namespace OmniIntake.Bench.Deadlines;

/// <summary>The baseline's Hangfire job: records when Hangfire ran it against when it was due.</summary>
public static class BaselineJob
{
    public static string ConnectionString { get; set; } = "";

    public static void Fire(int id, DateTimeOffset due)
    {
        using var c = new NpgsqlConnection(ConnectionString);
        c.Execute("INSERT INTO baseline_fired (id, due_at, fired_at) VALUES (@id, @due, now()) ON CONFLICT DO NOTHING", new { id, due });
    }
}
