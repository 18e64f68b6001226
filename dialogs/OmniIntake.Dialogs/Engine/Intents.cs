namespace OmniIntake.Dialogs.Engine;

/// <summary>What a customer's words mean for the flow, beside the answer itself: cancel, a person, yes, no, a correction.</summary>
public static partial class Intents
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

    /// <summary>
    /// A request for a person: a short message naming one ("人工", "agent please"), or asking to be passed to one anywhere
    /// ("can I talk to a human"). A complaint that mentions one ("the agent hung up on me") is not.
    /// </summary>
    public static bool IsHandOff(string text)
    {
        if (AskForPerson().IsMatch(text)) return true;
        var bare = Bare(text);
        var short_ = bare.Count(c => c > 0x2E80) <= 8 && bare.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5;
        return short_ && HandOffWords.Any(w => Contains(text, w));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"转人工|人工客服|找人工|要人工|真人客服|(?i:\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a|an|the|some)?\s*(?:human|person|agent|operator|someone|real\s+person)|\b(?:want|need)\s+(?:a|an)\s+(?:human|agent|operator|real\s+person)|\b(?:transfer|connect|pass)\s+me\b)")]
    private static partial System.Text.RegularExpressions.Regex AskForPerson();

    public static bool IsCancel(string text)
    {
        var t = Bare(text);
        return CancelWords.Any(w => t == w || (t.StartsWith(w, StringComparison.Ordinal) && t.Length <= w.Length + 4));
    }

    public static bool IsYes(string text) => YesWords.Contains(Bare(text));

    public static bool IsNo(string text) => NoWords.Contains(Bare(text));

    public static bool IsCorrection(string text) => CorrectionWords.Any(w => Contains(text, w));

    /// <summary>The field a correction names ("电话写错了", "change my phone"), by its words and its labels.</summary>
    public static string? NamedField(Definitions.DialogDefinition definition, string text) =>
        definition.Fields
            .Select(f => (f.Name, Words: f.Label.Values.Concat(FieldWords.GetValueOrDefault(f.Target, []))))
            .Select(f => (f.Name, Best: f.Words.Where(w => Contains(text, w)).Select(w => w.Length).DefaultIfEmpty(0).Max()))
            .Where(f => f.Best > 0)
            .OrderByDescending(f => f.Best)
            .Select(f => f.Name)
            .FirstOrDefault();

    private static string Bare(string text) => text.Trim().TrimEnd('。', '.', '!', '！', '~', '，', ',').ToLowerInvariant();

    private static bool Contains(string text, string word) => Extraction.WordMatch.Contains(text, word, whole: true);
}
