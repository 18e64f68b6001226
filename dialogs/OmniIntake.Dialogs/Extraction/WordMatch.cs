using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace OmniIntake.Dialogs.Extraction;

/// <summary>
/// Whether a customer's text names a word of the dialog's definitions or intents: an English word as a word ("lift" is
/// not in "shoplifting"), a Chinese one anywhere. Each English word's pattern is built once and kept: the static Regex
/// methods keep only 15 patterns, the definitions hold hundreds of words, so every turn parsed them again under the
/// cache's one lock (issue 17 item 4: 38 % of the chat hub's samples waited on it with 1,000 dialogs at once).
/// The words come from the definitions and the intents' lists, never from customers, so the set is bounded.
/// </summary>
internal static class WordMatch
{
    private static readonly ConcurrentDictionary<(string Word, bool Whole), Regex> Patterns = new();

    /// <param name="text">The customer's text.</param>
    /// <param name="word">A word of a definition or an intent.</param>
    /// <param name="whole">English words must also end at a word's end ("no" is not in "nobody"); otherwise only start at one ("lift" is in "lifts").</param>
    public static bool Contains(string text, string word, bool whole) =>
        word.All(char.IsAscii)
            ? Patterns.GetOrAdd((word, whole), k => new Regex($@"\b{Regex.Escape(k.Word)}{(k.Whole ? @"\b" : "")}", RegexOptions.IgnoreCase)).IsMatch(text)
            : text.Contains(word, StringComparison.Ordinal);
}
