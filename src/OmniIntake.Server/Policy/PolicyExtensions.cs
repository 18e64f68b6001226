using System.Globalization;
using OmniIntake.Core.Calendar;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Calendar;
using OmniIntake.Data.Deadlines;

namespace OmniIntake.Server.Policy;

/// <summary>Bound from configuration section "Calendar"; the zone is the organisation's (Intake:TimeZone).</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    // Empty by default and defaulted in Build: the configuration binder appends to a list that starts with items.
    public List<DayOfWeek> WorkingDays { get; set; } = [];

    /// <summary>Working periods as "HH:mm-HH:mm"; a lunch break is two periods, e.g. "09:00-12:00", "13:30-18:00".</summary>
    public List<string> WorkingHours { get; set; } = [];

    /// <summary>Apply the State Council's holidays and make-up working days (shipped data, 2007 onwards).</summary>
    public bool ChinaHolidays { get; set; } = true;

    public BusinessCalendar Build(TimeZoneInfo zone, IReadOnlyDictionary<DateOnly, bool> adminDays)
    {
        var periods = new List<WorkingPeriod>();
        var days = WorkingDays.Count > 0
            ? WorkingDays
            : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        foreach (var text in WorkingHours.Count > 0 ? WorkingHours : ["09:00-18:00"])
        {
            var parts = text.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
                throw new InvalidOperationException($"Calendar:WorkingHours entries are \"HH:mm-HH:mm\" (got '{text}').");
            periods.Add(new WorkingPeriod(start, end));
        }
        try
        {
            var overrides = ChinaHolidays ? new Dictionary<DateOnly, bool>(Core.Calendar.ChinaHolidays.Days) : [];
            // The admin's days win over the shipped notices.
            foreach (var (day, working) in adminDays) overrides[day] = working;
            return new BusinessCalendar(zone, days, periods, overrides);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"Calendar:WorkingHours is invalid: {ex.Message}", ex);
        }
    }
}

/// <summary>Bound from configuration section "Policy": the default policy's numbers, or one fixed window.</summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    /// <summary>An example policy to start from (<see cref="PolicyPresets"/>); "Policy:Default:*" adjusts its numbers.</summary>
    public string Preset { get; set; } = PolicyPresets.Default;

    /// <summary>When set, every complaint gets this one forwarding window whatever the calendar (demonstrations, tests).</summary>
    public TimeSpan? FixedForwardingWindow { get; set; }

    public DefaultPolicyOptions Default { get; set; } = new();
}

public static class PolicyExtensions
{
    public static void AddDeadlinePolicy(this WebApplicationBuilder builder)
    {
        var intake = builder.Configuration.GetSection(IntakeOptions.Section).Get<IntakeOptions>() ?? new IntakeOptions();
        var calendarOptions = builder.Configuration.GetSection(CalendarOptions.Section).Get<CalendarOptions>() ?? new CalendarOptions();
        var policy = builder.Configuration.GetSection(PolicyOptions.Section).Get<PolicyOptions>() ?? new PolicyOptions();
        var errors = new List<string>();
        if (PolicyPresets.TryCreate(policy.Preset, out var preset))
        {
            // The preset's numbers, then whatever configuration says on top.
            builder.Configuration.GetSection(PolicyOptions.Section + ":Default").Bind(preset);
            policy.Default = preset;
        }
        else errors.Add($"Policy:Preset must be one of {string.Join(", ", PolicyPresets.Names)} (got '{policy.Preset}').");
        errors.AddRange(policy.Default.Validate());
        if (policy.FixedForwardingWindow is { } w && w <= TimeSpan.Zero)
            errors.Add($"Policy:FixedForwardingWindow must be positive (got '{w}').");
        if (errors.Count > 0) throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        _ = calendarOptions.Build(intake.Zone, new Dictionary<DateOnly, bool>()); // fail at start-up on a bad calendar
        builder.Services.AddSingleton(calendarOptions);
        builder.Services.AddSingleton(policy);
        builder.Services.AddSingleton<CalendarStore>();
        builder.Services.AddSingleton<DeadlineRecomputation>();
        builder.Services.AddSingleton(sp => new CalendarHolder(calendarOptions, intake.Zone, sp.GetRequiredService<CalendarStore>()));
        builder.Services.AddSingleton<IDeadlinePolicy>(sp => policy.FixedForwardingWindow is { } fixedWindow
            ? new FixedWindowPolicy(fixedWindow)
            : new CurrentCalendarPolicy(sp.GetRequiredService<CalendarHolder>(), policy.Default));
        builder.Services.AddHostedService<CalendarRefresher>();
        builder.Services.AddSingleton<CalendarRecomputeJob>();
    }

    /// <summary>Applies the admin's calendar days (after the migrations ran).</summary>
    public static Task LoadCalendarAsync(this WebApplication app) => app.Services.GetRequiredService<CalendarHolder>().ReloadAsync();
}
