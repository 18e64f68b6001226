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

    /// <summary>The width of a rounding: the index adds a pair's shared weights in another order than the similarity does.</summary>
    private const double Rounding = 1e-9;

    /// <summary>
    /// The complaints sharing a term with <paramref name="terms"/> that score at least <paramref name="atLeast"/>, each with
    /// its cosine. A score within a rounding of <paramref name="atLeast"/>, where the last bit could decide, is computed
    /// again as <see cref="ComplaintSimilarity.Score(ComplaintTerms, ComplaintTerms)"/> computes it.
    /// </summary>
    public List<(long CaseId, double Score)> Sharing(ComplaintTerms terms, double atLeast = 0)
    {
        var scored = new List<(long, double)>();
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
        foreach (var slot in touched)
        {
            if (_slots[slot] is (var caseId, { } other) && other.Norm > 0)
            {
                var score = _shared[slot] / (terms.Norm * other.Norm);
                if (Math.Abs(score - atLeast) < Rounding) score = ComplaintSimilarity.Score(terms, other);
                if (score >= atLeast) scored.Add((caseId, score));
            }
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
