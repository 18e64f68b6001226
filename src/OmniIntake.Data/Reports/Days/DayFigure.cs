namespace OmniIntake.Data.Reports.Days;

/// <summary>
/// One combination of what the reports and trend charts count by, and the figures of the cases that have it, in one
/// bucket: a stored local day (report_days), or a stretch counted live. Every figure here adds up over days; the repeat
/// indicator's "another case of the same contact in the period" does not, and is counted per period apart
/// (<see cref="ReportDays"/>).
/// </summary>
internal sealed class DayFigure
{
    /// <summary>Which bucket (day or period) of the statement that counted it: the caller's index.</summary>
    public long Bucket { get; init; }

    public string Category { get; init; } = "";
    public string Channel { get; init; } = "";
    public string Class { get; init; } = "";
    public long? DepartmentId { get; init; }
    public long IsClosed { get; init; }
    public long IsForwarded { get; init; }
    public long IsRedispatched { get; init; }

    /// <summary>Linked to an earlier case (related_case_id): a repeat whatever the period.</summary>
    public long IsLinked { get; init; }

    public string? ForwardState { get; init; }
    public long Cases { get; init; }

    /// <summary>The departments' answer deadlines (ownerAnswer) of these cases met and breached (the trend's flow).</summary>
    public long OwnerMet { get; init; }

    public long OwnerBreached { get; init; }

    /// <summary>The sum and number of the cases' latest follow-up satisfaction answers (their mean is the period's).</summary>
    public long SatisfactionSum { get; init; }

    public long SatisfactionCount { get; init; }
}

/// <summary>The figures of one period: what adds up over its days, and its same-contact repeats counted over the whole period.</summary>
internal sealed record PeriodFigures(IReadOnlyList<DayFigure> Figures, long SameContactRepeats)
{
    public long Sum(Func<DayFigure, bool> which) => Figures.Where(which).Sum(f => f.Cases);

    /// <summary>The indicators exactly as <see cref="ReportQueries"/> computes them from the cases (rounded the same way).</summary>
    public (long Total, ReportIndicators Indicators) Indicators()
    {
        var total = Sum(_ => true);
        var met = Sum(f => f.ForwardState == "met");
        var breached = Sum(f => f.ForwardState == "breached");
        var answers = Figures.Sum(f => f.SatisfactionCount);
        double? satisfaction = answers == 0 ? null : Math.Round((double)Figures.Sum(f => f.SatisfactionSum) / answers, 2);
        static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        return (total, new ReportIndicators(Rate(met, met + breached), Rate(breached, met + breached),
            Rate(Sum(f => f.IsRedispatched == 1), Sum(f => f.IsForwarded == 1)), Rate(Sum(f => f.IsLinked == 1) + SameContactRepeats, total),
            Rate(Sum(f => f.IsClosed == 1), total), satisfaction, met, breached, Sum(f => f.ForwardState == "pending")));
    }
}
