using OmniIntake.Data.Classes;

namespace OmniIntake.Server.Classes;

/// <summary>
/// The complaints a new one is compared with (policy 5.5: the same complaint within 30 days), kept in this process
/// between the class sweep's minutely runs with their terms: a run reads only the complaints compared since the last
/// read (cases_similarity_checked), and the whole window again every <see cref="RefreshEvery"/> or when a run needs
/// older complaints than it holds. Issue 17 item 6: at 27,000 complaints a month, reading and listing the whole window
/// was 30-60 ms of every run that had something new to compare, measured on the scale bench's million cases.
/// What is kept may be up to <see cref="RefreshEvery"/> old in one respect: a complaint withdrawn, given another
/// category or moved to another contact meanwhile is compared as it was at the last whole read.
/// </summary>
public sealed class SimilarityWindow(ClassSweep sweep, ComplaintSimilarity similarity, TimeProvider clock)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(10);

    /// <summary>Read again before the newest comparison seen: one that committed after the last read with an earlier time is not passed over.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    private readonly Dictionary<long, ComplaintText> _kept = [];

    // Each complaint's terms, computed once per process: cutting and tagging the texts again each run would be most of the job's work.
    private readonly Dictionary<long, ComplaintTerms> _terms = [];
    private readonly Lock _lock = new();
    private DateTimeOffset _from = DateTimeOffset.MaxValue;
    private DateTimeOffset? _checkedThrough;
    private DateTimeOffset _readWholeAt = DateTimeOffset.MinValue;

    /// <summary>The compared complaints received since <paramref name="earliest"/>, each with its terms.</summary>
    public async Task<List<(ComplaintText Complaint, ComplaintTerms Terms)>> SinceAsync(DateTimeOffset earliest,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var whole = _checkedThrough is null || earliest < _from || now - _readWholeAt >= RefreshEvery;
        var rows = await sweep.WindowSinceAsync(earliest, whole ? null : _checkedThrough - Overlap, cancellationToken);
        var texts = await sweep.FirstTextsAsync([.. rows.Where(r => !HasTerms(r.CaseId)).Select(r => r.CaseId)], cancellationToken);
        lock (_lock)
        {
            if (whole)
            {
                _kept.Clear();
                (_readWholeAt, _from) = (now, earliest);
            }
            foreach (var row in rows)
            {
                _kept[row.CaseId] = row;
                if (!_terms.ContainsKey(row.CaseId)) _terms[row.CaseId] = similarity.Terms($"{row.Subject} {texts.GetValueOrDefault(row.CaseId)}".Trim());
                if (row.CheckedAt > _checkedThrough || _checkedThrough is null) _checkedThrough = row.CheckedAt;
            }
            // What left the window is forgotten (the next run needing it reads the whole window again).
            foreach (var gone in _kept.Values.Where(k => k.ReceivedAt < earliest).Select(k => k.CaseId).ToList()) _kept.Remove(gone);
            foreach (var gone in _terms.Keys.Where(id => !_kept.ContainsKey(id)).ToList()) _terms.Remove(gone);
            if (earliest > _from) _from = earliest;
            _checkedThrough ??= now - Overlap; // an empty window: what is compared from now on
            return [.. _kept.Values.Select(k => (k, _terms[k.CaseId]))];
        }
    }

    /// <summary>A new complaint's terms (its own text), kept for when it is in the window.</summary>
    public ComplaintTerms TermsOf(ComplaintText complaint)
    {
        lock (_lock)
        {
            if (_terms.TryGetValue(complaint.CaseId, out var known)) return known;
            return _terms[complaint.CaseId] = similarity.Terms(complaint.Text);
        }
    }

    private bool HasTerms(long caseId)
    {
        lock (_lock) return _terms.ContainsKey(caseId);
    }
}
