namespace OmniIntake.Core.Intake;

/// <summary>Bound from configuration section "Intake" and validated at start-up.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>The case-number prefix (投诉 → TS).</summary>
    public string CaseNumberPrefix { get; set; } = "TS";

    /// <summary>A message from the same phone or chat session within this window joins the open case.</summary>
    public TimeSpan ThreadingWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The organisation's time zone (IANA id): the day in a case number, reports.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(CaseNumberPrefix) || CaseNumberPrefix.Length > 6 || !CaseNumberPrefix.All(char.IsAsciiLetter))
            errors.Add($"Intake:CaseNumberPrefix must be 1-6 ASCII letters (got '{CaseNumberPrefix}').");
        if (ThreadingWindow < TimeSpan.Zero)
            errors.Add($"Intake:ThreadingWindow must not be negative (got '{ThreadingWindow}').");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            errors.Add($"Intake:TimeZone '{TimeZone}' is not a known time zone id.");
        return errors;
    }

    private ZoneOf? _zone;

    /// <summary>
    /// <see cref="TimeZone"/>'s rules, looked up once: FindSystemTimeZoneById takes the runtime's time-zone cache lock,
    /// and every intake asks for the case number's day (issue 17: the intake's concurrent writers queued on that lock).
    /// </summary>
    public TimeZoneInfo Zone
    {
        get
        {
            var known = _zone;
            if (known is null || known.Id != TimeZone) _zone = known = new ZoneOf(TimeZone, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
            return known.Zone;
        }
    }

    private sealed record ZoneOf(string Id, TimeZoneInfo Zone);
}
