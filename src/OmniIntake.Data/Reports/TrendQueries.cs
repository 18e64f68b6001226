using OmniIntake.Core.Policy;

namespace OmniIntake.Data.Reports;

/// <summary>The grain of the supervisors' trend charts.</summary>
public enum TrendGrain
{
    Day,
    Week,
    Month,
}

/// <summary>One bucket of a trend: the indicators of the cases received in [From, ToExclusive) (local dates).</summary>
public sealed record TrendBucket(DateOnly From, DateOnly ToExclusive, long Cases, ReportIndicators Indicators);

/// <summary>The trend charts of the board (GET /api/board/trends): the last N days, weeks (Monday first) or months.</summary>
public sealed class TrendQueries(ReportQueries reports, GeneratedReportStore generated)
{
    /// <summary>The N buckets ending with the one holding <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<(DateOnly From, DateOnly ToExclusive)> Buckets(TrendGrain grain, int count, DateOnly today)
    {
        var buckets = new List<(DateOnly, DateOnly)>();
        switch (grain)
        {
            case TrendGrain.Day:
                for (var i = count - 1; i >= 0; i--) buckets.Add((today.AddDays(-i), today.AddDays(-i + 1)));
                break;
            case TrendGrain.Week:
                var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
                for (var i = count - 1; i >= 0; i--) buckets.Add((monday.AddDays(-7 * i), monday.AddDays(-7 * i + 7)));
                break;
            default:
                var first = new DateOnly(today.Year, today.Month, 1);
                for (var i = count - 1; i >= 0; i--) buckets.Add((first.AddMonths(-i), first.AddMonths(-i + 1)));
                break;
        }
        return buckets;
    }

    public async Task<IReadOnlyList<TrendBucket>> TrendAsync(TrendGrain grain, int count, DateOnly today, TimeZoneInfo zone,
        CancellationToken cancellationToken = default)
    {
        var buckets = Buckets(grain, count, today);
        // Issue 17 item 6: with stored per-day figures every bucket is summed from its stored days (and stays what the cases
        // say after a late change, which a month's generated report does not). Without them, a finished month is served from
        // its monthly report, generated once when it ended (policy 5.6.1), and every other bucket comes from ONE grouped pass.
        var stored = grain == TrendGrain.Month && !reports.FromStoredDays
            ? await generated.ContentsAsync(ReportSchedule.Monthly, [.. buckets.Where(b => b.ToExclusive <= today).Select(b => MonthName(b.From))],
                cancellationToken)
            : new Dictionary<string, PeriodReport>();
        bool Kept((DateOnly From, DateOnly ToExclusive) b) => grain == TrendGrain.Month && stored.ContainsKey(MonthName(b.From));
        var counted = buckets.Where(b => !Kept(b)).ToList();
        var passes = await reports.IndicatorsAsync(counted, zone, cancellationToken);
        var computed = counted.Select((b, i) => (b, passes[i])).ToDictionary(x => x.b, x => x.Item2);
        return [.. buckets.Select(b =>
        {
            if (Kept(b))
            {
                var kept = stored[MonthName(b.From)];
                return new TrendBucket(b.From, b.ToExclusive, kept.Cases, kept.Indicators);
            }
            var (cases, indicators) = computed[b];
            return new TrendBucket(b.From, b.ToExclusive, cases, indicators);
        })];
    }

    private static string MonthName(DateOnly first) => first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
