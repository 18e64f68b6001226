using OmniIntake.Channels.Sms.OptOut;

namespace OmniIntake.Channels.Sms.Tests.OptOut;

public sealed class KeywordTests
{
    [Theory]
    [InlineData("STOP", Keyword.Stop)]
    [InlineData(" stop ", Keyword.Stop)]
    [InlineData("Unsubscribe", Keyword.Stop)]
    [InlineData("退订", Keyword.Stop)]
    [InlineData("TD", Keyword.Stop)]
    [InlineData("START", Keyword.Start)]
    [InlineData("help", Keyword.Help)]
    [InlineData("帮助", Keyword.Help)]
    [InlineData("Please stop the noise at night", Keyword.None)]
    [InlineData("电梯坏了，请帮助", Keyword.None)]
    public void OnlyAMessageThatIsTheKeyword_Counts(string body, Keyword expected) => Assert.Equal(expected, Keywords.Of(body));
}
