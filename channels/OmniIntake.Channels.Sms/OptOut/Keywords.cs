namespace OmniIntake.Channels.Sms.OptOut;

public enum Keyword
{
    None,
    Stop,
    Start,
    Help,
}

/// <summary>The carrier keywords (Twilio's defaults) and their Chinese counterparts: a message that is only the keyword.</summary>
public static class Keywords
{
    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
        { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "退订", "TD", "T", "取消订阅" };
    private static readonly HashSet<string> Start = new(StringComparer.OrdinalIgnoreCase) { "START", "YES", "UNSTOP", "订阅" };
    private static readonly HashSet<string> Help = new(StringComparer.OrdinalIgnoreCase) { "HELP", "INFO", "帮助" };

    public static Keyword Of(string body)
    {
        var word = body.Trim().TrimEnd('.', '。', '!', '！');
        return Stop.Contains(word) ? Keyword.Stop : Start.Contains(word) ? Keyword.Start : Help.Contains(word) ? Keyword.Help : Keyword.None;
    }
}
