using System.Text.RegularExpressions;

namespace OmniIntake.Dialogs.Extraction;

/// <summary>
/// What the customer asks for: the sentence part from a request word (要求, 希望, 请, 麻烦, 你们赶紧…; I want, I expect,
/// please…) to the end of its sentence, as written ("要求物业赔偿修车费2000元"). A clause that gives a contact (电话…,
/// my name is…) ends it; "我要投诉" and "I'd like to complain" announce a complaint and are not a request.
/// </summary>
public static partial class RequestReader
{
    public static Found? Read(string text)
    {
        foreach (var marker in Chinese().Matches(text).Concat(English().Matches(text)).OrderBy(m => m.Index))
        {
            var start = marker.Index;
            var end = start;
            while (end < text.Length && text[end] is not ('。' or '！' or '!' or '？' or '?' or '\n' or '.' or ';' or '；')) end++;
            // "Fix it please!": a closing "please" makes the whole sentence the request.
            if (marker.Value.Equals("please", StringComparison.OrdinalIgnoreCase) && text[(start + marker.Length)..end].Trim().Length == 0)
            {
                while (start > 0 && text[start - 1] is not ('。' or '！' or '!' or '？' or '?' or '\n' or '.' or ';' or '；')) start--;
            }
            var request = text[start..end];
            // A clause that is a contact or an introduction is not part of the request.
            var clauses = request.Split('，', ',');
            var kept = new List<string>();
            foreach (var clause in clauses)
            {
                if (kept.Count > 0 && Contact().IsMatch(clause)) break;
                kept.Add(clause);
            }
            var value = ConversationalFiller.Strip(string.Join(request.Contains('，', StringComparison.Ordinal) ? "，" : ",", kept).Trim())
                .TrimEnd('，', ',', ' ', '~', '～');
            if (value.Length < 2 || NotARequest().IsMatch(value)) continue;
            var index = text.IndexOf(value, start, StringComparison.Ordinal);
            return new Found(new ReadValue(value, value), index < 0 ? start : index, value.Length);
        }
        return null;
    }

    /// <summary>An answer to "what do you ask for?": the marked request, else the answer itself without filler.</summary>
    public static Found? Answer(string text, int minLength)
    {
        if (Read(text) is { } marked) return marked;
        var bare = ConversationalFiller.Strip(text).TrimEnd('。', '.', '!', '！');
        return bare.Length >= Math.Max(1, minLength) ? new Found(new ReadValue(bare, bare), Math.Max(0, text.IndexOf(bare, StringComparison.Ordinal)), bare.Length) : null;
    }

    [GeneratedRegex(@"(?<![不没按的合个些])(?:强烈)?(?:要求|希望|请求|恳请|请你们|请物业|请尽快|麻烦你们|我想要|诉求是|你们赶紧|你们尽快|你们马上|赶紧|必须)")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"\b(?:I\s+(?:want|demand|expect|ask|request|need|hope|would\s+like)|I'd\s+like|we\s+(?:want|demand|expect|ask|request|need)|please)\b", RegexOptions.IgnoreCase)]
    private static partial Regex English();

    [GeneratedRegex(@"电话|手机|号码|邮箱|我叫|我是|我姓|\d{7,}|@|(?i:my name|phone|call me|e-?mail)")]
    private static partial Regex Contact();

    [GeneratedRegex(@"^(?:我?要投诉|我想投诉|我要反映|我要举报|(?i:i(?:\s+want|\s+would\s+like|'d\s+like)\s+to\s+(?:complain|make\s+a\s+complaint|report))|(?i:please\s+(?:call|contact|reach|phone|email|e-mail)\s+me))")]
    private static partial Regex NotARequest();
}
