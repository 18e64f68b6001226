using OmniIntake.Core.Outbound;
using OmniIntake.Core.Polling;
using OmniIntake.Data.Outbox;
using OmniIntake.Data.Polling;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Events;
using OmniIntake.Core.Intake;
using OmniIntake.Data;
using OmniIntake.Data.Accounts;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Deadlines;
using OmniIntake.Data.Departments;
using OmniIntake.Data.Events;
using OmniIntake.Data.Intake;
using OmniIntake.Data.Raw;
using OmniIntake.Data.Schema;

namespace OmniIntake.Server.Infrastructure;

public static class PersistenceExtensions
{
    /// <summary>Database, intake pipeline and stores; options are validated here, at start-up, with the key and the bad value.</summary>
    public static void AddPersistence(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var intake = builder.Configuration.GetSection(IntakeOptions.Section).Get<IntakeOptions>() ?? new IntakeOptions();
        var errors = database.Validate().Concat(intake.Validate()).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));

        var services = builder.Services;
        services.AddSingleton(database);
        services.AddSingleton(intake);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Database>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<IIntake, SqlIntakePipeline>();
        // Issue 17 item 2: concurrent inbound units share commits (group commit), on both databases: on PostgreSQL a few
        // batches commit at once; on SQLite one pump is the one writer, so writers queue in process instead of sleeping
        // on the file's lock, and a batch pays one WAL sync.
        // Database:GroupCommit (MaxBatch, Pumps, Linger) tunes it; the defaults are what the benchmarks measured best.
        var groupCommit = builder.Configuration.GetSection("Database:GroupCommit").Get<OmniIntake.Data.Units.GroupCommitOptions>();
        services.AddSingleton<IInboundUnits>(sp => new OmniIntake.Data.Units.GroupCommitUnits(sp.GetRequiredService<Database>(), groupCommit));
        services.AddSingleton<IRawMessageStore, SqlRawMessageStore>();
        services.AddSingleton<IPollerStateStore, SqlPollerStateStore>();
        services.AddSingleton<IAutomaticReplies, AutomaticReplies>();
        services.AddSingleton<IDeliveryReports, DeliveryReports>();
        services.AddSingleton<OmniIntake.Core.Sms.IOptOutStore, OmniIntake.Data.Sms.SqlOptOutStore>();
        services.AddSingleton<EventSequencer>();
        services.AddSingleton<ICaseEventReader, SqlCaseEventReader>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<CaseCommands>();
        services.AddSingleton<CategoryStore>();
        services.AddSingleton<DeadlineStore>();
        services.AddSingleton<DepartmentStore>();
        services.AddSingleton<CategoryDepartmentStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<SignInFailures>();
    }

    /// <summary>Brings the schema up to date and seeds the categories before the first request is served.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var applied = await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        if (applied.Count > 0)
            app.Logger.LogInformation("Schema migrations applied: {Versions}", string.Join(", ", applied));
        await app.Services.GetRequiredService<CategoryStore>().SeedIfEmptyAsync(DefaultCategories.PropertyDeveloper);
    }
}
