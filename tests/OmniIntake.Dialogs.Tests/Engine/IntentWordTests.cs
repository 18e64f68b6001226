using OmniIntake.Dialogs.Engine;

namespace OmniIntake.Dialogs.Tests.Engine;

/// <summary>Intent words in English are whole words; Chinese ones are found anywhere (WordMatch, kept patterns).</summary>
public sealed class IntentWordTests
{
    [Theory]
    [InlineData("please change my phone", true)]
    [InlineData("Please CHANGE my phone", true)]
    [InlineData("the exchange was rude", false)] // "change" inside a word
    [InlineData("电话写错了", true)]
    [InlineData("电梯坏了", false)]
    public void Corrections(string text, bool expected)
    {
        // Asked many times over, as a busy hub does: a kept pattern answers the same every time.
        for (var i = 0; i < 3; i++) Assert.Equal(expected, Intents.IsCorrection(text));
    }
}
