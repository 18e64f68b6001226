using OmniIntake.Data.Classes;

namespace OmniIntake.Server.Classes;

/// <summary>
/// The Hangfire recurring job "classes-sweep" (every minute): raises by age, reminds supervisors of open major
/// cases weekly, and compares each new complaint with the other complaints of the window.
/// </summary>
public sealed class ClassJob(ClassSweep sweep, SimilarityWindow window, ClassRules rules, ILogger<ClassJob> logger)
{
    public const string RecurringId = "classes-sweep";

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
        using var _ = await window.EnterAsync(cancellationToken);
        var fresh = await sweep.UncheckedAsync(200, cancellationToken);
        if (fresh.Count == 0) return (0, 0);
        var earliest = fresh.Min(f => f.ReceivedAt) - rules.SimilarWithin;
        // The window's complaints with their terms and groups, kept between runs (issue 17 item 6: only what was compared since is read).
        await window.ReadSinceAsync(earliest, cancellationToken);
        var raised = 0;
        foreach (var complaint in fresh)
        {
            var terms = window.TermsOf(complaint);
            // Only complaints sharing a term can reach the threshold (it is above 0): the window scores just those, at it or above.
            var similar = window.Sharing(terms, rules.SimilarityThreshold)
                .Where(k => k.Complaint.ContactId != complaint.ContactId // the same person again is a repeat, not another complainant
                            && Math.Abs((k.Complaint.ReceivedAt - complaint.ReceivedAt).TotalDays) <= rules.SimilarWithin.TotalDays
                            && (k.Complaint.Category is null || complaint.Category is null || k.Complaint.Category == complaint.Category))
                .Select(k => (k.Complaint.CaseId, k.Score))
                .ToList();
            window.Include(complaint);
            raised += await sweep.RecordComparisonAsync(complaint, similar, window.Known, cancellationToken);
        }
        return (fresh.Count, raised);
    }
}

public sealed record ClassSweepResult(int RaisedByAge, int RaisedBySimilarity, int MajorReminders, int Compared);
