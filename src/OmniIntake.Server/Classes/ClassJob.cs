using OmniIntake.Data.Classes;

namespace OmniIntake.Server.Classes;

/// <summary>
/// The Hangfire recurring job "classes-sweep" (every minute): raises by age, reminds supervisors of open major
/// cases weekly, and compares each new complaint with the other complaints of the window.
/// </summary>
public sealed class ClassJob(ClassSweep sweep, ComplaintSimilarity similarity, ClassRules rules, ILogger<ClassJob> logger)
{
    public const string RecurringId = "classes-sweep";

    // Each complaint's terms, computed once per process: the window's complaints are compared every minute, and cutting
    // and tagging their texts again each time would be most of the job's work.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, IReadOnlyDictionary<string, double>> _terms = new();

    public async Task<ClassSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var byAge = await sweep.RaiseByAgeAsync(cancellationToken);
        var reminded = await sweep.RemindMajorAsync(cancellationToken);
        var (compared, bySimilarity) = await CompareAsync(cancellationToken);
        if (byAge + reminded + bySimilarity > 0)
            logger.LogInformation("Classes: {ByAge} raised by age, {BySimilarity} by similar complaints, {Reminded} major reminders.", byAge, bySimilarity,
                reminded);
        return new ClassSweepResult(byAge, bySimilarity, reminded, compared);
    }

    private async Task<(int Compared, int Raised)> CompareAsync(CancellationToken cancellationToken)
    {
        var fresh = await sweep.UncheckedAsync(200, cancellationToken);
        if (fresh.Count == 0) return (0, 0);
        var earliest = fresh.Min(f => f.ReceivedAt) - rules.SimilarWithin;
        // The window's complaints, their terms computed once for the whole batch. Issue 17 item 6: the window is read
        // without texts, and only the complaints this process has not cut yet bring their first message along.
        var window = await sweep.WindowSinceAsync(earliest, cancellationToken);
        var inWindow = window.Select(k => k.CaseId).ToHashSet();
        foreach (var gone in _terms.Keys.Where(id => !inWindow.Contains(id))) _terms.TryRemove(gone, out _);
        var texts = await sweep.FirstTextsAsync([.. window.Where(k => !_terms.ContainsKey(k.CaseId)).Select(k => k.CaseId)], cancellationToken);
        foreach (var k in window.Where(k => !_terms.ContainsKey(k.CaseId)))
            _terms.TryAdd(k.CaseId, similarity.Terms($"{k.Subject} {texts.GetValueOrDefault(k.CaseId)}".Trim()));
        var known = window.Select(k => (Complaint: k, Terms: TermsOf(k))).ToList();
        var raised = 0;
        foreach (var complaint in fresh)
        {
            var terms = TermsOf(complaint);
            var similar = known
                .Where(k => k.Complaint.ContactId != complaint.ContactId // the same person again is a repeat, not another complainant
                            && Math.Abs((k.Complaint.ReceivedAt - complaint.ReceivedAt).TotalDays) <= rules.SimilarWithin.TotalDays
                            && (k.Complaint.Category is null || complaint.Category is null || k.Complaint.Category == complaint.Category))
                .Select(k => (k.Complaint.CaseId, Score: ComplaintSimilarity.Score(terms, k.Terms)))
                .Where(s => s.Score >= rules.SimilarityThreshold)
                .ToList();
            raised += await sweep.RecordComparisonAsync(complaint, similar, cancellationToken);
            known.Add((complaint, terms));
        }
        return (fresh.Count, raised);
    }

    private IReadOnlyDictionary<string, double> TermsOf(ComplaintText complaint) => _terms.GetOrAdd(complaint.CaseId, _ => similarity.Terms(complaint.Text));
}

public sealed record ClassSweepResult(int RaisedByAge, int RaisedBySimilarity, int MajorReminders, int Compared);
