using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Escalation;

/// <summary>One configured rule as read from appsettings "Escalation:Rules" (names as written there).</summary>
public sealed class EscalationRuleSetting
{
    /// <summary>forward, ownerAnswer, publicReply or majorFirstAnswer.</summary>
    public string? Clock { get; set; }

    /// <summary>atRisk or breach.</summary>
    public string? On { get; set; }

    public bool Notify { get; set; }
    public bool RaiseClass { get; set; }
    public string? AssignTo { get; set; }
}

/// <summary>
/// The escalation rules in force, at most one per clock and phase (issue 13 item 5). Without configuration, a breach of
/// any clock notifies the supervisors and an at-risk warning only shows live, as before escalation existed.
/// </summary>
public sealed class EscalationRules
{
    private readonly Dictionary<(DeadlineKind, EscalationPhase), EscalationRule> _rules;

    public EscalationRules(IEnumerable<EscalationRule> rules) => _rules = rules.ToDictionary(r => (r.Clock, r.On));

    public static EscalationRules Default { get; } =
        new(Enum.GetValues<DeadlineKind>().Select(k => new EscalationRule(k, EscalationPhase.Breach, Notify: true, RaiseClass: false, AssignTo: null)));

    public IReadOnlyList<EscalationRule> All => [.. _rules.Values.OrderBy(r => r.Clock).ThenBy(r => r.On)];

    /// <summary>The rule for this clock at this phase, or null: nothing beyond the live warning and the audit entry.</summary>
    public EscalationRule? For(DeadlineKind clock, EscalationPhase phase) => _rules.GetValueOrDefault((clock, phase));

    /// <summary>The rules as configured over <see cref="Default"/> (a configured clock and phase replaces the default's); errors name the rule and what is wrong.</summary>
    public static (EscalationRules Rules, IReadOnlyList<string> Errors) Parse(IReadOnlyList<EscalationRuleSetting>? settings)
    {
        if (settings is null || settings.Count == 0) return (Default, []);
        var errors = new List<string>();
        var rules = new List<EscalationRule>();
        var configured = new HashSet<(DeadlineKind, EscalationPhase)>();
        for (var i = 0; i < settings.Count; i++)
        {
            var s = settings[i];
            var where = $"Escalation:Rules:{i}";
            var clockOk = Enum.TryParse<DeadlineKind>(s.Clock, ignoreCase: true, out var clock) && Enum.IsDefined(clock) && !int.TryParse(s.Clock, out _);
            if (!clockOk) errors.Add($"{where}:Clock '{s.Clock}' is not a clock (use forward, ownerAnswer, publicReply, majorFirstAnswer).");
            if (!EscalationPhaseNames.TryParse(s.On, out var on)) errors.Add($"{where}:On '{s.On}' must be atRisk or breach.");
            var assignTo = string.IsNullOrWhiteSpace(s.AssignTo) ? null : s.AssignTo.Trim().ToLowerInvariant();
            if (!clockOk || !EscalationPhaseNames.TryParse(s.On, out _)) continue;
            if (!configured.Add((clock, on)))
            {
                errors.Add($"{where}: a second rule for {clock.ToName()} {on.ToName()} (one rule per clock and phase).");
                continue;
            }
            rules.Add(new EscalationRule(clock, on, s.Notify, s.RaiseClass, assignTo));
        }
        // A clock and phase no rule names keeps the default (a breach notifies), so configuring one clock never silences the others.
        rules.AddRange(Default.All.Where(d => !configured.Contains((d.Clock, d.On))));
        return (new EscalationRules(rules), errors);
    }
}

/// <summary>The stable codes of an escalation's refused assignment (kept on the escalation; the workspace says them in the user's language).</summary>
public static class EscalationCodes
{
    public const string SupervisorUnknown = "escalation.supervisor-unknown";
    public const string NotASupervisor = "escalation.not-a-supervisor";
    public const string SupervisorInactive = "escalation.supervisor-inactive";

    public static IReadOnlyList<string> All { get; } = [SupervisorUnknown, NotASupervisor, SupervisorInactive];
}
