using System.Globalization;
using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

namespace OmniIntake.Server.Classes;

/// <summary>
/// How alike two complaints are, in Chinese and English: the cosine of their noun terms weighted by inverse document
/// frequency. jieba.NET cuts the text and tags parts of speech; only nouns (and English words) count, because "the
/// same complaint" is about the same thing (电梯, 停车费, broadband), not the same complaining words (没人来, 一直).
/// Chinese nouns of three characters or more also count by their two-character parts, so 停车费 meets 停车收费.
/// Measured on the examples in ComplaintSimilarityTests: same-complaint pairs mostly score 0.4-1.0, unrelated ones
/// below 0.4; paraphrases that share no noun (断网 / 网络天天断) are missed and left to supervisors.
/// </summary>
public sealed class ComplaintSimilarity
{
    private const double UnknownIdf = 11.0; // about the dictionary's median: an unknown word is neither rare nor common

    private static readonly Lazy<(PosSegmenter Tagger, HashSet<string> Stop, Dictionary<string, double> Idf)> Model = new(Load);

    private static (PosSegmenter, HashSet<string>, Dictionary<string, double>) Load()
    {
        // jieba.NET finds its dictionaries through one static setting; they are copied beside the server (csproj).
        var directory = Path.Combine(AppContext.BaseDirectory, "jieba");
        ConfigManager.ConfigFileBaseDir = directory;
        var stop = File.ReadAllLines(Path.Combine(directory, "stopwords.txt")).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet();
        foreach (var word in EnglishStopWords) stop.Add(word);
        var idf = new Dictionary<string, double>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "idf.txt")))
        {
            var parts = line.Split(' ');
            if (parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) idf.TryAdd(parts[0], value);
        }
        return (new PosSegmenter(), stop, idf);
    }

    private static readonly string[] EnglishStopWords =
    [
        "the", "and", "for", "was", "were", "has", "have", "had", "not", "did", "does", "with", "this", "that", "there", "been", "again", "since",
        "from", "into", "our", "your", "you", "they", "them", "their", "very", "still", "just", "about", "please", "would", "could", "can", "will",
        // jieba tags every English word "eng", so the verbs, numbers and times its tagger drops in Chinese are listed here.
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "day", "days", "week", "weeks", "hour", "hours", "month",
        "months", "today", "yesterday", "nobody", "anyone", "someone", "came", "come", "went", "got", "get", "make", "made", "told", "said",
    ];

    /// <summary>The weighted terms of a text; compute once per complaint and compare many times.</summary>
    public ComplaintTerms Terms(string text)
    {
        var (tagger, stop, idf) = Model.Value;
        var terms = new Dictionary<string, double>();
        void Add(string term) => terms.TryAdd(term, idf.TryGetValue(term, out var weight) ? weight : UnknownIdf);
        var input = text.Length > 4000 ? text[..4000] : text;
        foreach (var token in tagger.Cut(input.ToLowerInvariant()))
        {
            var word = token.Word.Trim();
            var noun = token.Flag.StartsWith('n') || token.Flag is "vn" or "an" or "eng";
            if (!noun || word.Length < 2 || stop.Contains(word) || !word.Any(char.IsLetter)) continue;
            if (token.Flag == "eng" && word.Length < 3) continue;
            Add(word);
            if (word.Length >= 3 && word.All(IsChinese))
                for (var i = 0; i + 1 < word.Length; i++) Add(word.Substring(i, 2));
        }
        return new ComplaintTerms(terms);
    }

    /// <summary>
    /// Cosine similarity of two term sets, 0 (nothing shared) to 1. A term weighs the same in both (its IDF), so the
    /// shared part is summed over the smaller set; the norms were computed with the terms. Issue 17 item 6: a new
    /// complaint is scored against every complaint of the 30-day window (tens of thousands) each minute.
    /// </summary>
    public static double Score(ComplaintTerms a, ComplaintTerms b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        double shared = 0;
        foreach (var (term, weight) in small.Weights)
            if (large.Weights.ContainsKey(term)) shared += weight * weight;
        return shared / (a.Norm * b.Norm);
    }

    public double Score(string a, string b) => Score(Terms(a), Terms(b));

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';
}

/// <summary>A complaint's weighted noun terms (<see cref="ComplaintSimilarity.Terms"/>) with their norm, kept to be compared many times.</summary>
public sealed class ComplaintTerms
{
    public ComplaintTerms(Dictionary<string, double> weights)
    {
        Weights = weights;
        Norm = Math.Sqrt(weights.Values.Sum(w => w * w));
    }

    internal Dictionary<string, double> Weights { get; }
    public double Norm { get; }
    public int Count => Weights.Count;
}
