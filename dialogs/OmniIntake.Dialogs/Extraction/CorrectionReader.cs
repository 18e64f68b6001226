using System.Text.RegularExpressions;

namespace OmniIntake.Dialogs.Extraction;

/// <summary>
/// The new value a correction carries: "名字写错了，我叫陈建国", "地点不对，应该是锦绣园12栋", "要求改成每天清运两次",
/// "the address is wrong, it's Building 18", "change my request to: collect the rubbish twice a day". The value is
/// what follows the first "it is / should be / 改成 / 是" after the word that says something is wrong.
/// </summary>
public static partial class CorrectionReader
{
    public static string? Value(string text)
    {
        var wrong = Wrong().Match(text);
        var from = wrong.Success ? wrong.Index + wrong.Length : 0;
        var marker = ValueMarker().Match(text, from);
        if (!marker.Success) return null;
        var value = ConversationalFiller.Strip(text[(marker.Index + marker.Length)..]).Trim().TrimEnd('。', '.', '!', '！');
        return value.Length > 0 ? value : null;
    }

    /// <summary>The text without the words that announce the correction ("名字写错了，", "sorry, my name is wrong,").</summary>
    public static string WithoutAnnouncement(string text) => Announcement().Replace(text, " ");

    [GeneratedRegex(@"写错了?|错了|不对|有误|搞错了?|改一下|要改|更正|修改|改|(?i:\bwrong\b|\bincorrect\b|\bchange\b|\bcorrect(?:ion)?\b|\bupdate\b|\bfix\b)")]
    private static partial Regex Wrong();

    [GeneratedRegex(@"应该是|应该为|改成|改为|换成|改到|更正为|正确的是|其实是|是|叫|(?i:\bshould\s+be\b|\bit's\b|\bit\s+is\b|\bit\s+was\b|\bto\b:?|\bis\b)")]
    private static partial Regex ValueMarker();

    [GeneratedRegex(@"(?:不对|抱歉|对不起|不好意思)?[，,\s]*(?:名字|姓名|电话|号码|手机|地址|地点|位置|时间|日期|要求|诉求|类别|邮箱)?(?:写错了?|错了|不对|有误|搞错了?|要改一下|改一下)[，,。\s]*|(?i:\b(?:sorry,?\s*)?(?:my\s+)?(?:name|phone|number|address|place|time|date|request|email)\s+(?:is|was)\s+wrong,?\s*)")]
    private static partial Regex Announcement();
}
