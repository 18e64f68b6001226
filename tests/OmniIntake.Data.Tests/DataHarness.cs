using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Policy;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Events;
using OmniIntake.Core.Intake;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Deadlines;
using OmniIntake.Data.Departments;
using OmniIntake.Data.Events;
using OmniIntake.Data.Intake;
using OmniIntake.Data.Schema;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests;

/// <summary>A migrated database of its own, the data services on it, and a clock the test controls.</summary>
public sealed class DataHarness : IAsyncDisposable
{
    private readonly TestDatabase _testDatabase;

    private DataHarness(TestDatabase testDatabase, IntakeOptions options)
    {
        _testDatabase = testDatabase;
        Database = new Database(testDatabase.Options);
        Intake = new SqlIntakePipeline(Database, options, Policy, Clock, NoEventLogSignal.Instance, NullLogger<SqlIntakePipeline>.Instance);
        Commands = new CaseCommands(Database, Policy, Clock, NoEventLogSignal.Instance);
        Queries = new CaseQueries(Database);
        Sequencer = new EventSequencer(Database);
        Events = new SqlCaseEventReader(Database);
        Deadlines = new DeadlineStore(Database, Clock, NoEventLogSignal.Instance);
        Departments = new DepartmentStore(Database, Clock);
    }

    public IDeadlinePolicy Policy { get; } = new DefaultDeadlinePolicy(BusinessCalendar.ChinaDefault());
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    public Database Database { get; }
    public SqlIntakePipeline Intake { get; }
    public CaseCommands Commands { get; }
    public CaseQueries Queries { get; }
    public EventSequencer Sequencer { get; }
    public SqlCaseEventReader Events { get; }
    public DeadlineStore Deadlines { get; }
    public DepartmentStore Departments { get; }
    public DatabaseProvider Provider => _testDatabase.Provider;

    public static async Task<DataHarness> CreateAsync(DatabaseProvider provider, IntakeOptions? options = null)
    {
        var harness = new DataHarness(await TestDatabase.CreateAsync(provider), options ?? new IntakeOptions());
        await new SchemaMigrator(harness.Database).MigrateAsync();
        await new CategoryStore(harness.Database).SeedIfEmptyAsync(DefaultCategories.PropertyDeveloper);
        return harness;
    }

    public InboundMessage Sms(string from, string text, string? id = null) => new()
    {
        Channel = Channel.Sms,
        ExternalId = id ?? "SM" + Guid.NewGuid().ToString("N"),
        Sender = ContactHandle.Create(ContactHandleKind.Phone, from),
        Text = text,
        ReceivedAt = Clock.GetUtcNow(),
    };

    public InboundMessage Email(string from, string subject, string text, string? messageId = null, params string[] replies) => new()
    {
        Channel = Channel.Email,
        ExternalId = "imap:test/INBOX/1/" + Guid.NewGuid().ToString("N"),
        Sender = ContactHandle.Create(ContactHandleKind.Email, from),
        Subject = subject,
        Text = text,
        ReceivedAt = Clock.GetUtcNow(),
        Thread = new ThreadHints { MessageId = messageId, Replies = replies },
    };

    public async Task<long> CountAsync(string table)
    {
        await using var connection = await Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(string sql)
    {
        await using var connection = await Database.OpenAsync();
        return [.. await connection.QueryAsync<T>(sql)];
    }

    public async Task ExecAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await _testDatabase.DisposeAsync();
    }
}
