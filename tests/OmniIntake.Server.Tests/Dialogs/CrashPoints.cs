using System.Collections.Concurrent;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Intake;

namespace OmniIntake.Server.Tests.Dialogs;

/// <summary>
/// Where a test makes the process "die" once: right after a step committed, before the next one (issue 12 item 3).
/// The request fails as a crash would leave it; what was committed stays committed.
/// </summary>
public sealed class CrashPoints
{
    private readonly ConcurrentDictionary<string, bool> _armed = new();

    public void Arm(string point) => _armed[point] = true;

    public void Pass(string point)
    {
        if (_armed.TryRemove(point, out _)) throw new SimulatedCrashException(point);
    }

    /// <summary>The intake commits, then the process dies before what follows the intake (the dialog, the receipt).</summary>
    public static string AfterIntake(string externalId) => "after-intake:" + externalId;

    /// <summary>The same after whichever message is taken next (its external id is not known beforehand: a piped mail).</summary>
    public const string AfterNextIntake = "after-intake:*";

    /// <summary>The dialog stored the customer's message, then the process dies before the turn is saved.</summary>
    public const string BeforeDialogTurn = "before-dialog-turn";

    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddSingleton<SqlIntakeForCrashes>();
        services.AddSingleton<IIntake>(sp => new CrashAfterIntake(sp.GetRequiredService<SqlIntakeForCrashes>().Inner, this));
        services.AddSingleton<ICaseFieldsWriter>(sp => new CrashBeforeFields(sp.GetRequiredService<Data.Cases.CaseCommands>(), this));
    }

    private sealed class SqlIntakeForCrashes(IServiceProvider services)
    {
        public IIntake Inner { get; } = ActivatorUtilities.CreateInstance<Data.Intake.SqlIntakePipeline>(services);
    }

    private sealed class CrashAfterIntake(IIntake inner, CrashPoints crashes) : IIntake
    {
        public async Task<IntakeResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken = default)
        {
            var result = await inner.AcceptAsync(message, cancellationToken);
            crashes.Pass(AfterIntake(message.ExternalId));
            crashes.Pass(AfterNextIntake);
            return result;
        }
    }

    private sealed class CrashBeforeFields(ICaseFieldsWriter inner, CrashPoints crashes) : ICaseFieldsWriter
    {
        public Task<bool> FillAsync(long caseId, CaseFields fields, string actor, CancellationToken cancellationToken = default)
        {
            crashes.Pass(BeforeDialogTurn);
            return inner.FillAsync(caseId, fields, actor, cancellationToken);
        }
    }
}

public sealed class SimulatedCrashException(string point) : Exception($"Simulated crash at {point}.");
