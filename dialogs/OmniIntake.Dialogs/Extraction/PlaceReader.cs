using System.Text.RegularExpressions;

namespace OmniIntake.Dialogs.Extraction;

/// <summary>
/// Where it happened. Chinese: the noun phrase after a locative (在, 位于, 住在, 地点是…), cut where jieba's tags turn
/// from nouns, place names (ns), numbers and measure words to a verb or an adverb ("在阳光花园地下车库B2层被砸了" →
/// 阳光花园地下车库B2层); a leading pronoun (你们, 我们) is not part of it. English: the phrase after at/in/on/outside,
/// made of capitalised names, numbers and place words ("the underground car park of Sunshine Garden, level B2"), never a
/// time ("at 8pm", "in the morning"). A phrase with a name or a number beats one of place words only ("in the lift").
/// </summary>
public static partial class PlaceReader
{
    private static readonly HashSet<string> EnglishPlaceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "building", "block", "tower", "unit", "flat", "apartment", "floor", "level", "phase", "estate", "garden", "gardens", "court", "park", "car",
        "parking", "lot", "garage", "underground", "basement", "gate", "entrance", "exit", "lobby", "hall", "lift", "elevator", "stairs", "stairwell",
        "corridor", "office", "sales", "service", "centre", "center", "branch", "store", "shop", "clubhouse", "club", "pool", "gym", "desk", "counter",
        "north", "south", "east", "west", "main", "front", "back", "side", "rear", "property", "management", "community", "compound", "square",
        "plaza", "mall", "station", "road", "street", "lane", "avenue", "district", "room", "kitchen", "bathroom", "roof", "rooftop", "yard",
        "playground", "bike", "shed", "area", "entry", "reception", "your", "our", "my", "of", "the", "no.", "number",
    };

    private static readonly HashSet<string> NotPlaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "i", "morning", "afternoon", "evening", "night", "midnight", "noon", "weekend", "yesterday", "today", "tonight", "last", "this", "first",
    };

    public static Found? Read(string text, string language)
    {
        var chinese = ChineseMarked(text);
        if (chinese is not null) return chinese;
        return English(text);
    }

    /// <summary>An answer to "where?": the place phrase when one is marked, else the answer itself without filler.</summary>
    public static Found? Answer(string text)
    {
        if (Read(text, "") is { } marked) return marked;
        var bare = ConversationalFiller.Strip(text);
        bare = AnswerOpening().Replace(bare, "").Trim().TrimEnd('。', '.', '!', '！', '，', ',');
        if (bare.EndsWith('的')) bare = bare[..^1];
        return bare.Length >= 2 ? new Found(new ReadValue(bare, bare), Math.Max(0, text.IndexOf(bare, StringComparison.Ordinal)), bare.Length) : null;
    }

    private static Found? ChineseMarked(string text)
    {
        foreach (Match marker in ChineseLocative().Matches(text))
        {
            var start = marker.Index + marker.Length;
            var end = start;
            while (end < text.Length && !Delimiter(text[end])) end++;
            var clause = text[start..end];
            if (clause.Length == 0) continue;
            var words = ChineseWords.Tag(clause);
            var first = 0;
            // "在你们徐汇营业厅": the pronoun is not the place.
            while (first < words.Count && (words[first].Flag == "r" || words[first].Word is "的" or "那个" or "这个")) first++;
            var last = Extent(words, first);
            if (last < first) continue;
            var from = words[first].Index;
            var to = words[last].Index + words[last].Word.Length;
            var place = clause[from..to].Trim();
            if (place.Length < 2 || place.All(c => char.IsDigit(c) || c is '点' or '号' or '日' or '月')) continue;
            return new Found(new ReadValue(place, place), start + from, to - from);
        }
        return null;
    }

    /// <summary>
    /// The last word of the place phrase starting at <paramref name="first"/>, or -1. Estate names are often words jieba
    /// does not know and cuts into odd pieces (首开/v 璞/nr 瑅/zg 公馆/n), so until a word that ends a place (公馆, 8号楼,
    /// 车库, 门口, 里) everything is taken; after one, the phrase ends at a preposition, an adverb, a time or a verb of two
    /// characters, and is cut back to the last word that ends a place ("时代花园交房" → 时代花园). A phrase with no
    /// such word is only its leading nouns ("官网上").
    /// </summary>
    private static int Extent(IReadOnlyList<TaggedWord> words, int first)
    {
        var lastEnd = -1;
        for (var i = first; i < words.Count; i++)
        {
            var word = words[i];
            if (IsTime(word) || word.Flag is "p" or "c" or "y" or "ul" or "r" || word.Word.Trim().Length == 0) break;
            if (lastEnd >= 0 && (word.Flag is "d" || (word.Flag.StartsWith('v') && word.Flag != "vn" && word.Word.Length >= 2))) break;
            if (EndsPlace(word)) lastEnd = i;
        }
        if (lastEnd >= 0) return lastEnd;
        var last = -1;
        for (var i = first; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Word == "的" && i + 1 < words.Count && words[i + 1].IsNoun && !IsTime(words[i + 1])) continue;
            if (!word.IsNoun || IsTime(word) || word.Word.Trim().Length == 0) break;
            last = i;
        }
        return last;
    }

    private const string PlaceEndings = "座栋楼层室苑园湾府庭城荟庄区期门口场库店厅处部馆站心厦寓院里上内外边旁侧下前后堂台所梯道巷路街村镇铺市";

    private static bool EndsPlace(TaggedWord word) =>
        word.Word is "单元" or "附近" or "对面" or "旁边" or "楼下" or "楼上"
        || (word.Word.All(char.IsAsciiLetterOrDigit) && word.Word.Any(char.IsDigit))
        || (word.Word.Length > 0 && PlaceEndings.Contains(word.Word[^1], StringComparison.Ordinal) && word.Flag is not ("v" or "d" or "p" or "ul" or "uj"));

    private static bool IsTime(TaggedWord word) =>
        word.Flag is "t" or "tg" || TimeWord().IsMatch(word.Word);

    private static bool Delimiter(char c) => c is '，' or ',' or '。' or '；' or ';' or '！' or '!' or '？' or '?' or '\n' or '、' or '…';

    private static Found? English(string text)
    {
        Found? best = null;
        var bestScore = 0;
        foreach (Match preposition in EnglishPreposition().Matches(text))
        {
            var start = preposition.Index + preposition.Length;
            var tokens = EnglishToken().Matches(text[start..]).ToList();
            var kept = 0;
            var strong = false;
            var previous = "";
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i].Value;
                if (token == ",")
                {
                    // A comma continues the place only before another part of it ("Building 3, Jade Lake Court").
                    if (i + 1 < tokens.Count && (Capitalised(tokens[i + 1].Value) || tokens[i + 1].Value.ToLowerInvariant() is "level" or "phase" or "block" or "building" or "unit" or "flat" or "floor" or "tower"))
                    {
                        previous = token;
                        continue;
                    }
                    break;
                }
                if (!char.IsLetterOrDigit(token[0])) break;
                var lower = token.ToLowerInvariant();
                if (NotPlaces.Contains(lower) || Clock().IsMatch(token) || (i == 0 && token.All(char.IsDigit)) || (token.All(char.IsDigit) && token.Length >= 5)) break;
                // "the" opens a new noun phrase after a name ("Champagne Plaza the lift stopped"): the place ended.
                if (lower is "the" or "your" or "our" or "my" && i > 0 && previous != "," && !previous.Equals("of", StringComparison.OrdinalIgnoreCase)) break;
                if (Capitalised(token) || token.Any(char.IsDigit)) strong = true;
                else if (!EnglishPlaceWords.Contains(lower)) break;
                kept = i + 1;
                previous = token;
            }
            while (kept > 0 && tokens[kept - 1].Value.ToLowerInvariant() is "of" or "the" or "your" or "our" or "my" or "," or "no.") kept--;
            if (kept == 0) continue;
            var phraseEnd = start + tokens[kept - 1].Index + tokens[kept - 1].Length;
            var phraseStart = start + tokens[0].Index;
            var phrase = text[phraseStart..phraseEnd];
            if (phrase.Split(' ').All(w => w.ToLowerInvariant() is "the" or "your" or "our" or "my") || phrase.All(char.IsDigit)) continue;
            var score = strong ? 2 : 1;
            if (score > bestScore)
            {
                best = new Found(new ReadValue(phrase, phrase), phraseStart, phraseEnd - phraseStart);
                bestScore = score;
            }
        }
        return best;
    }

    private static bool Capitalised(string token) => token.Length > 0 && char.IsUpper(token[0]) && token != "I";

    // 在 as a locative, not in 现在/正在/还在/一直在/存在/实在/所在/好在/自在/不在/没在/也在/都在/又在.
    [GeneratedRegex(@"(?<![现正还直存实所好自不没也都又仍总])在|位于|地点[是为:：]?|地址[是为:：]?|住址[是为:：]?|我住(?:的|在)?|家住|就在|位置[是:：]?")]
    private static partial Regex ChineseLocative();

    [GeneratedRegex(@"^(?:昨天|前天|今天|上周|本周|这周|上个?星期|星期|周[一二三四五六日天]|\d+月|\d+号|\d+日|\d+点|上午|下午|晚上|早上|中午|凌晨|夜里|半夜|刚才)")]
    private static partial Regex TimeWord();

    [GeneratedRegex(@"\b(?:at|in|on|outside|inside|near|opposite|behind)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishPreposition();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9'’\-]*|[^\sA-Za-z0-9]")]
    private static partial Regex EnglishToken();

    [GeneratedRegex(@"^\d{1,2}(?::\d{2})?(?:am|pm)$|^\d{1,2}(?:st|nd|rd|th)$", RegexOptions.IgnoreCase)]
    private static partial Regex Clock();

    [GeneratedRegex(@"^(?:(?i:it\s+was|it's|it\s+is|the\s+place\s+is|place:)|地点是|是在|是)\s*")]
    private static partial Regex AnswerOpening();
}
