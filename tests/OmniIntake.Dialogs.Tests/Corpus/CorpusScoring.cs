using System.Globalization;
using System.Text;
using System.Text.Json;
using OmniIntake.Dialogs.Engine;

namespace OmniIntake.Dialogs.Tests.Corpus;

/// <summary>One corpus message (Corpus/complaint-messages.json): the customer's turns and what the dialog must hold after them.</summary>
public sealed record CorpusMessage(string Id, string Language, IReadOnlyList<string> Turns, string Kind, string? Asked, string? Missing, string? Answer,
    IReadOnlyDictionary<string, string> Expect);

/// <summary>Counts for one field over the corpus: a wrong value is a false positive and a false negative at once.</summary>
public sealed class FieldCounts
{
    public int TruePositives { get; set; }
    public int FalsePositives { get; set; }
    public int FalseNegatives { get; set; }
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>What one engine scored on the corpus: per field, the turns the all-but-one messages took, and every miss.</summary>
public sealed record CorpusScore(IReadOnlyDictionary<string, FieldCounts> Fields, IReadOnlyList<int> Turns, IReadOnlyList<string> Misses)
{
    public double MedianTurns => Turns.Count == 0 ? 0 : Turns.Order().ElementAt(Turns.Count / 2);
}

/// <summary>
/// Runs the corpus through a dialog engine as a chat customer would: each message's turns in order, then compares the
/// dialog's values with the expected fields. Free text (where, request) matches after dropping spaces and punctuation;
/// "what happened" matches when the stored description holds the expected phrase (the whole complaint is kept).
/// </summary>
public static class CorpusScoring
{
    /// <summary>Corpus key to the definition's field name.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>
    {
        ["name"] = "complainantName", ["phone"] = "contactPhone", ["email"] = "contactEmail", ["when"] = "occurredAt", ["where"] = "location",
        ["what"] = "description", ["request"] = "customerRequest", ["category"] = "category",
    };

    public static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 30, 0, TimeSpan.Zero);

    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Corpus", "complaint-messages.json");

    public static IReadOnlyList<CorpusMessage> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("messages").EnumerateArray().Select(m => new CorpusMessage(
            m.GetProperty("id").GetString()!,
            m.GetProperty("language").GetString()!,
            m.GetProperty("turns").EnumerateArray().Select(t => t.GetString()!).ToList(),
            m.GetProperty("kind").GetString()!,
            m.TryGetProperty("asked", out var asked) ? asked.GetString() : null,
            m.TryGetProperty("missing", out var missing) ? missing.GetString() : null,
            m.TryGetProperty("answer", out var answer) ? answer.GetString() : null,
            m.GetProperty("expect").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!))).ToList();
    }

    /// <param name="start">Opens a chat dialog in a language.</param>
    /// <param name="handle">Takes one customer message.</param>
    public static CorpusScore Run(IReadOnlyList<CorpusMessage> corpus, Func<string, DialogTurn> start, Func<DialogState, string, DialogTurn> handle)
    {
        var fields = FieldNames.Keys.ToDictionary(k => k, _ => new FieldCounts());
        var turns = new List<int>();
        var misses = new List<string>();
        foreach (var message in corpus)
        {
            var turn = start(message.Language);
            var scoreWhat = true;
            if (message.Asked is { } asked)
            {
                // A fragment answering a question: the complaint was told before; the dialog asks this field now.
                turn.State.Values["description"] = "(told before)";
                turn.State.Shown["description"] = "(told before)";
                turn.State.Asking = asked;
                scoreWhat = false;
            }
            foreach (var text in message.Turns) turn = handle(turn.State, text);
            foreach (var (key, counts) in fields)
            {
                if (key == "what" && !scoreWhat) continue;
                var expected = message.Expect.GetValueOrDefault(key);
                var actual = turn.State.Values.GetValueOrDefault(FieldNames[key]);
                var match = expected is not null && actual is not null && Matches(key, expected, actual);
                if (match) counts.TruePositives++;
                else
                {
                    if (actual is not null) counts.FalsePositives++;
                    if (expected is not null) counts.FalseNegatives++;
                    if (actual is not null || expected is not null) misses.Add($"{message.Id} {key}: expected «{expected}» got «{actual}»");
                }
            }
            if (message.Kind == "all-but-one") turns.Add(TurnsToSummary(message, start, handle));
        }
        return new CorpusScore(fields, turns, misses);
    }

    /// <summary>
    /// The customer messages an all-but-one complaint takes to reach the summary: the first message, then a simulated
    /// customer who answers what is asked (the entry's answer for the missing field, the expected value for a field the
    /// dialog failed to read, "none" for an optional field the complaint does not have).
    /// </summary>
    public static int TurnsToSummary(CorpusMessage message, Func<string, DialogTurn> start, Func<DialogState, string, DialogTurn> handle)
    {
        var english = message.Language == "en";
        var turn = handle(start(message.Language).State, message.Turns[0]);
        var count = 1;
        while (turn.State.Phase == DialogPhase.Collecting && count < 12)
        {
            var asked = new List<string>();
            if (turn.State.Asking is { } one) asked.Add(one);
            asked.AddRange(turn.State.AskingAlso.Where(a => !asked.Contains(a)));
            var answers = asked.Select(field => AnswerFor(message, field, english)).ToList();
            turn = handle(turn.State, string.Join(english ? ", " : "，", answers));
            count++;
        }
        return count;
    }

    private static string AnswerFor(CorpusMessage message, string field, bool english)
    {
        if (field == message.Missing && message.Answer is { } answer) return answer;
        var key = FieldNames.FirstOrDefault(f => f.Value == field).Key;
        var expected = key is null ? null : message.Expect.GetValueOrDefault(key);
        if (expected is null) return english ? "none" : "无";
        return key switch
        {
            "phone" => expected.StartsWith("+86", StringComparison.Ordinal) ? expected[3..] : expected,
            "category" => english ? expected.Replace('-', ' ') : expected,
            "what" => expected,
            _ => expected,
        };
    }

    public static bool Matches(string key, string expected, string actual) => key switch
    {
        // The description keeps the customer's own words (traditional characters too); the expectation is simplified.
        "what" => Normal(OmniIntake.Dialogs.Extraction.TextFolding.Fold(actual)).Contains(Normal(expected), StringComparison.Ordinal),
        "when" or "phone" or "category" => expected == actual,
        _ => Normal(expected) == Normal(actual),
    };

    /// <summary>Lower case, full-width folded, without spaces and punctuation, without a leading "the".</summary>
    public static string Normal(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Trim();
        if (folded.StartsWith("the ", StringComparison.Ordinal)) folded = folded[4..];
        var kept = new StringBuilder();
        foreach (var c in folded)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || category is UnicodeCategory.OtherPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.InitialQuotePunctuation
                    or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation) continue;
            kept.Append(c);
        }
        return kept.ToString();
    }

    /// <summary>The figures, one line per field, as the benchmark and the test print them.</summary>
    public static string Report(string title, CorpusScore score)
    {
        var lines = new StringBuilder();
        lines.AppendLine(CultureInfo.InvariantCulture, $"{title}");
        lines.AppendLine(CultureInfo.InvariantCulture, $"  {"field",-9} {"P",6} {"R",6} {"F1",6}   tp  fp  fn");
        foreach (var (key, c) in score.Fields)
            lines.AppendLine(CultureInfo.InvariantCulture, $"  {key,-9} {c.Precision,6:F3} {c.Recall,6:F3} {c.F1,6:F3}  {c.TruePositives,3} {c.FalsePositives,3} {c.FalseNegatives,3}");
        lines.AppendLine(CultureInfo.InvariantCulture, $"  turns to the summary, all-but-one messages (n={score.Turns.Count}): median {score.MedianTurns}, [{string.Join(' ', score.Turns)}]");
        return lines.ToString();
    }
}
