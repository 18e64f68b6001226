// The engine as it was before issue 16 (commit b564914), kept only as the benchmark's baseline: the same corpus runs through both.
namespace OmniIntake.Bench.DialogExtraction.Baseline;

/// <summary>What a customer's words mean for the flow, beside the answer itself: cancel, a person, yes, no, a correction.</summary>
public static class BaselineIntents
{
    private static readonly string[] HandOffWords = ["人工", "转人工", "真人", "客服人员", "人工客服", "agent", "human", "operator", "real person"];
    private static readonly string[] CancelWords = ["取消", "算了", "不投诉了", "不用了", "cancel", "never mind", "nevermind", "quit"];
    private static readonly string[] YesWords = ["是", "是的", "对", "对的", "确认", "没错", "正确", "好", "好的", "可以", "提交", "yes", "y", "ok", "okay", "correct", "confirm", "right", "submit", "sure"];
    private static readonly string[] NoWords = ["不", "不对", "不是", "否", "错", "错了", "no", "n", "wrong", "not right"];
    private static readonly string[] CorrectionWords = ["改", "修改", "写错", "错了", "不对", "更正", "更改", "change", "correct", "wrong", "fix", "update", "edit"];

    /// <summary>Words that name a field in a correction, by the field's target, beside its labels.</summary>
    private static readonly Dictionary<string, string[]> FieldWords = new()
    {
        ["contactPhone"] = ["电话", "号码", "手机", "phone", "number", "mobile"],
        ["contactEmail"] = ["邮箱", "邮件", "email", "e-mail", "mail"],
        ["complainantName"] = ["名字", "姓名", "称呼", "name"],
        ["occurredAt"] = ["时间", "日期", "几点", "when", "time", "date"],
        ["location"] = ["地点", "地址", "位置", "哪里", "where", "place", "location", "address"],
        ["text"] = ["内容", "问题", "描述", "情况", "description", "problem", "what happened"],
        ["customerRequest"] = ["要求", "诉求", "request", "ask"],
        ["category"] = ["类别", "分类", "类型", "category", "kind", "type"],
    };

    public static bool IsHandOff(string text) => HandOffWords.Any(w => Contains(text, w));

    public static bool IsCancel(string text)
    {
        var t = Bare(text);
        return CancelWords.Any(w => t == w || (t.StartsWith(w, StringComparison.Ordinal) && t.Length <= w.Length + 4));
    }

    public static bool IsYes(string text) => YesWords.Contains(Bare(text));

    public static bool IsNo(string text) => NoWords.Contains(Bare(text));

    public static bool IsCorrection(string text) => CorrectionWords.Any(w => Contains(text, w));

    /// <summary>The field a correction names ("电话写错了", "change my phone"), by its words and its labels.</summary>
    public static string? NamedField(OmniIntake.Dialogs.Definitions.DialogDefinition definition, string text) =>
        definition.Fields
            .Select(f => (f.Name, Words: f.Label.Values.Concat(FieldWords.GetValueOrDefault(f.Target, []))))
            .Select(f => (f.Name, Best: f.Words.Where(w => Contains(text, w)).Select(w => w.Length).DefaultIfEmpty(0).Max()))
            .Where(f => f.Best > 0)
            .OrderByDescending(f => f.Best)
            .Select(f => f.Name)
            .FirstOrDefault();

    private static string Bare(string text) => text.Trim().TrimEnd('。', '.', '!', '！', '~', '，', ',').ToLowerInvariant();

    private static bool Contains(string text, string word) =>
        word.All(char.IsAscii)
            ? System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(word)}\b",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            : text.Contains(word, StringComparison.Ordinal);
}
