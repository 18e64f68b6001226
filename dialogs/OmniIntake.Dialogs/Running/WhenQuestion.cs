namespace OmniIntake.Dialogs.Running;

/// <summary>
/// A customer asking when someone will deal with the complaint ("请问什么时候有人处理？", "when will someone call me?"):
/// after the dialog it gets an answer with the case number and the forwarding time (issue 16 item 3), instead of silence.
/// </summary>
public static class WhenQuestion
{
    private static readonly string[] When = ["什么时候", "啥时候", "何时", "几时", "多久", "多长时间", "几点", "when", "how long", "how soon", "any update"];

    private static readonly string[] About =
        ["处理", "回复", "答复", "回应", "有人", "联系", "解决", "受理", "进度", "handle", "deal", "reply", "answer", "respond", "contact", "call", "someone", "anyone", "update", "hear"];

    public static bool Matches(string text)
    {
        var lower = text.ToLowerInvariant();
        return lower.Length <= 200 && When.Any(w => lower.Contains(w, StringComparison.Ordinal)) && About.Any(a => lower.Contains(a, StringComparison.Ordinal));
    }
}
