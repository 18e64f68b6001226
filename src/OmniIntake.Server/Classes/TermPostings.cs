namespace OmniIntake.Server.Classes;

/// <summary>
/// The similarity window's complaints by term (an inverted index): a new complaint is scored only against the ones
/// that share a term with it, each shared term's weight added once per complaint holding it, instead of every term of
/// every complaint in the window looked up (issue 17 item 6: in an outage the window holds ~46,000 complaints and
/// scoring each new one against all of them was 5-6 ms of every comparison on the scale bench). A complaint that shares
/// no term scores 0, as <see cref="ComplaintSimilarity.Score(ComplaintTerms, ComplaintTerms)"/> gives it.
/// Not thread-safe: the window's gate admits one comparison run at a time.
/// </summary>
internal sealed class TermPostings
{
    private readonly Dictionary<string, List<int>> _postings = [];
    private readonly Dictionary<long, int> _slotOf = [];
    private readonly List<(long CaseId, ComplaintTerms? Terms)> _slots = []; // Terms null: removed, its postings stale
    private double[] _shared = [];

    public bool Contains(long caseId) => _slotOf.ContainsKey(caseId);

    /// <summary>Adds a complaint's terms (once: a complaint's terms do not change).</summary>
    public void Add(long caseId, ComplaintTerms terms)
    {
        if (_slotOf.ContainsKey(caseId)) return;
        var slot = _slots.Count;
        _slots.Add((caseId, terms));
        _slotOf[caseId] = slot;
        foreach (var term in terms.Weights.Keys)
        {
            if (!_postings.TryGetValue(term, out var slots)) _postings[term] = slots = [];
            slots.Add(slot);
        }
    }

    public void Remove(long caseId)
    {
        if (!_slotOf.Remove(caseId, out var slot)) return;
        _slots[slot] = (caseId, null);
        // Compacted when stale slots outnumber the live ones, so postings never hold more than twice the window.
        if (_slots.Count - _slotOf.Count > _slotOf.Count) Compact();
    }

    public void Clear()
    {
        _postings.Clear();
        _slotOf.Clear();
        _slots.Clear();
    }

    /// <summary>
    /// The complaints sharing a term with <paramref name="terms"/> that score at least <paramref name="atLeast"/> (less a
    /// rounding's width: the caller decides at the threshold), each with their cosine and its terms.
    /// </summary>
    public List<(long CaseId, double Score, ComplaintTerms Terms)> Sharing(ComplaintTerms terms, double atLeast = 0)
    {
        var scored = new List<(long, double, ComplaintTerms)>();
        if (terms.Count == 0 || terms.Norm == 0) return scored;
        if (_shared.Length < _slots.Count) _shared = new double[Math.Max(_slots.Count, _shared.Length * 2)];
        var touched = new List<int>();
        foreach (var (term, weight) in terms.Weights)
        {
            // A term of no weight adds nothing (and would not mark a complaint as met).
            if (weight <= 0 || !_postings.TryGetValue(term, out var slots)) continue;
            var squared = weight * weight; // a term weighs the same in both (its IDF)
            foreach (var slot in slots)
            {
                if (_shared[slot] == 0) touched.Add(slot);
                _shared[slot] += squared;
            }
        }
        var floor = atLeast - 1e-9;
        foreach (var slot in touched)
        {
            if (_slots[slot] is (var caseId, { } other) && other.Norm > 0 && _shared[slot] / (terms.Norm * other.Norm) is var score && score >= floor)
                scored.Add((caseId, score, other));
            _shared[slot] = 0;
        }
        return scored;
    }

    private void Compact()
    {
        var live = _slots.Where(s => s.Terms is not null).ToList();
        Clear();
        foreach (var (caseId, terms) in live) Add(caseId, terms!);
    }
}
