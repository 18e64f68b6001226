using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

namespace OmniIntake.Dialogs.Extraction;

/// <summary>A word of a Chinese text with its part of speech (jieba's tags: n noun, ns place name, nr person name, v verb, ...).</summary>
public readonly record struct TaggedWord(string Word, string Flag, int Index)
{
    public bool IsNoun => Flag.StartsWith('n') || Flag is "s" or "f" or "j" or "b" or "eng" or "m" or "q" or "mq" or "x" or "vn" or "an" or "l";
}

/// <summary>jieba.NET's part-of-speech tagger, loaded once from the dictionaries copied beside the assembly (csproj).</summary>
public static class ChineseWords
{
    private static readonly Lazy<PosSegmenter> Tagger = new(() =>
    {
        // jieba.NET finds its dictionaries through one static setting; the Server's similarity sets the same directory.
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        return new PosSegmenter();
    });

    public static IReadOnlyList<TaggedWord> Tag(string text)
    {
        var words = new List<TaggedWord>();
        var at = 0;
        foreach (var pair in Tagger.Value.Cut(text))
        {
            var index = text.IndexOf(pair.Word, at, StringComparison.Ordinal);
            if (index < 0) index = at;
            words.Add(new TaggedWord(pair.Word, pair.Flag, index));
            at = index + pair.Word.Length;
        }
        return words;
    }
}
