using OmniIntake.Data.Classes;

namespace OmniIntake.Server.Classes;

/// <summary>
/// The complaints a new one is compared with (policy 5.5: the same complaint within 30 days), kept in this process
/// between the class sweep's minutely runs with their terms, groups and classes (<see cref="KnownGroups"/>): a run reads
/// only the complaints compared since the last read (cases_similarity_checked), and the whole window again every
/// <see cref="RefreshEvery"/> or when a run needs older complaints than it holds. Issue 17 item 6: at 27,000 complaints
/// a month, reading and listing the whole window was 30-60 ms of every run that had something new to compare, measured
/// on the scale bench's million cases. What is kept may be up to <see cref="RefreshEvery"/> old in one respect: a
/// complaint withdrawn, given another category or moved to another contact meanwhile is compared (and counted in its
/// group) as it was at the last whole read. Memberships are never older than the database's (KnownGroups' version).
/// </summary>
public sealed class SimilarityWindow(ClassSweep sweep, ComplaintSimilarity similarity, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(10);

    /// <summary>Read again before the newest comparison seen: one that committed after the last read with an earlier time is not passed over.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    private KnownGroups _known = new();

    // Each complaint's terms, computed once per process: cutting and tagging the texts again each run would be most of the job's work.
    private readonly Dictionary<long, ComplaintTerms> _terms = [];

    // The same terms by term: a new complaint is scored only against the complaints it shares a term with.
    private readonly TermPostings _postings = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset? _checkedThrough;
    private DateTimeOffset _readWholeAt = DateTimeOffset.MinValue;

    /// <summary>What is kept, for <see cref="ClassSweep.RecordComparisonAsync"/> to link and count by (inside <see cref="EnterAsync"/>).</summary>
    public KnownGroups Known => _known;

    /// <summary>One comparison run at a time in this process (a run longer than a minute meets the next): what is kept changes as it goes.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Gate(_gate);
    }

    /// <summary>Brings what is kept up to date: the compared complaints received since <paramref name="earliest"/>, each with its terms.</summary>
    public async Task ReadSinceAsync(DateTimeOffset earliest, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var whole = _checkedThrough is null || earliest < _known.From || now - _readWholeAt >= RefreshEvery;
        IReadOnlyList<ComplaintText> rows;
        if (whole)
        {
            _known = await sweep.KnownGroupsAsync(earliest, cancellationToken);
            _postings.Clear();
            _readWholeAt = now;
            rows = [.. _known.Complaints];
        }
        else
        {
            rows = await sweep.WindowSinceAsync(earliest, _checkedThrough - Overlap, cancellationToken);
            foreach (var row in rows) _known.Keep(row);
        }
        var texts = await sweep.FirstTextsAsync([.. rows.Where(r => !_terms.ContainsKey(r.CaseId)).Select(r => r.CaseId)], cancellationToken);
        foreach (var row in rows)
        {
            if (!_terms.TryGetValue(row.CaseId, out var terms))
                _terms[row.CaseId] = terms = similarity.Terms($"{row.Subject} {texts.GetValueOrDefault(row.CaseId)}".Trim());
            _postings.Add(row.CaseId, terms);
            if (row.CheckedAt > _checkedThrough || _checkedThrough is null) _checkedThrough = row.CheckedAt;
        }
        // What left the window is forgotten (the next run needing it reads the whole window again).
        foreach (var gone in _known.Complaints.Where(k => k.ReceivedAt < earliest).Select(k => k.CaseId).ToList()) _known.Forget(gone);
        foreach (var gone in _terms.Keys.Where(id => !_known.Contains(id)).ToList())
        {
            _terms.Remove(gone);
            _postings.Remove(gone);
        }
        if (earliest > _known.From) _known.From = earliest;
        _checkedThrough ??= now - Overlap; // an empty window: what is compared from now on
    }

    /// <summary>
    /// The kept complaints that share a term with <paramref name="terms"/> and score at least <paramref name="atLeast"/>,
    /// each with its score (<see cref="ComplaintSimilarity.Score(ComplaintTerms, ComplaintTerms)"/>'s cosine); the others
    /// score 0 or below it.
    /// </summary>
    public IEnumerable<(ComplaintText Complaint, double Score)> Sharing(ComplaintTerms terms, double atLeast)
    {
        foreach (var (caseId, score) in _postings.Sharing(terms, atLeast))
            if (_known.Find(caseId) is { } complaint) yield return (complaint, score);
    }

    /// <summary>A new complaint joins the terms compared with, before it is recorded: the next complaints meet it.</summary>
    public void Include(ComplaintText complaint) => _postings.Add(complaint.CaseId, TermsOf(complaint));

    /// <summary>A new complaint's terms (its own text), kept for when it is in the window.</summary>
    public ComplaintTerms TermsOf(ComplaintText complaint)
    {
        if (_terms.TryGetValue(complaint.CaseId, out var known)) return known;
        return _terms[complaint.CaseId] = similarity.Terms(complaint.Text);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Gate(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
