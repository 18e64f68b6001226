using OmniIntake.Core.Text;

namespace OmniIntake.Core.Tests.Text;

public sealed class QuotedHistoryTests
{
    [Theory]
    [InlineData("Still broken.\n\nOn Mon, 23 Nov 2026 at 10:00, Complaints <c@example.org> wrote:\n> We have received your message", "Still broken.")]
    [InlineData("还是没修好。\n\n在 2026年11月23日 10:00，投诉中心 写道：\n> 我们已收到您的来信", "还是没修好。")]
    [InlineData("还是没修好。\n------------------ 原始邮件 ------------------\n发件人: \"投诉中心\"", "还是没修好。")]
    [InlineData("Thanks\n-----Original Message-----\nFrom: x", "Thanks")]
    [InlineData("谢谢\n\n发件人: 投诉中心 <c@example.org>\n发送时间: 2026年11月23日 10:00\n主题: 回复", "谢谢")]
    [InlineData("See below\n\n> line one\n> line two\n", "See below")]
    public void TheNewTextIsWhatComesBeforeTheQuote(string text, string fresh)
    {
        var start = QuotedHistory.Start(text);

        Assert.NotNull(start);
        Assert.Equal(fresh, text[..start.Value].Trim());
    }

    [Theory]
    [InlineData("A plain complaint with no history.")]
    [InlineData("> only a quote, nothing new\n> more")]
    [InlineData("I wrote: the lift is broken. > 3 days now, more below\nsecond line")]
    [InlineData("")]
    public void NoHistory_NoSplit(string text) => Assert.Null(QuotedHistory.Start(text));

    [Fact]
    public void HostileQuoting_IsSplitInWellUnderTwoSeconds()
    {
        // Issue 12 item 9: thousands of quoted lines with blank lines between, not running to the end of the text.
        var text = "new text\n" + string.Concat(Enumerable.Repeat("> quoted\n\n \n", 20_000)) + "tail";

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var start = QuotedHistory.Start(text);

        Assert.Null(start);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }
}
