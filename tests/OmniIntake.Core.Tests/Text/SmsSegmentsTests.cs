using OmniIntake.Core.Text;

namespace OmniIntake.Core.Tests.Text;

/// <summary>The cited examples and limits of ../shared/testdata/sms/sms-segmentation-rules.json.</summary>
public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)] // 153-character parts once concatenated
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(350, 3)] // 153 + 153 + 44
    public void Gsm7_160Single_153PerPart(int length, int segments) =>
        Assert.Equal((SmsEncoding.Gsm7, segments), Pick(SmsSegments.Count(new string('a', length))));

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void OneChineseCharacter_MakesItUcs2_70Single_67PerPart(int length, int segments) =>
        Assert.Equal((SmsEncoding.Ucs2, segments), Pick(SmsSegments.Count("投" + new string('a', length - 1))));

    [Fact]
    public void ExtensionCharacters_CostTwoSeptets()
    {
        var (encoding, segments, units) = SmsSegments.Count(new string('€', 80));
        Assert.Equal((SmsEncoding.Gsm7, 1, 160), (encoding, segments, units));
        Assert.Equal(2, SmsSegments.Count(new string('€', 81)).Segments);
    }

    [Fact]
    public void AnEmoji_IsASurrogatePair_CountingTwo_AndIsNeverSplit()
    {
        Assert.Equal((SmsEncoding.Ucs2, 1, 70), SmsSegments.Count(string.Concat(Enumerable.Repeat("😀", 35))));
        // 66 units, then a pair that would straddle the 67-unit boundary goes whole into the next part.
        var text = new string('中', 66) + "😀" + new string('中', 10);
        Assert.Equal(2, SmsSegments.Count(text).Segments);
    }

    [Fact]
    public void TheDialogsShortSmsPrompts_FitOneSegment()
    {
        foreach (var prompt in new[] { "请问您怎么称呼？", "请留下您的联系电话。", "事情是什么时候发生的？（如“昨天下午三点”）" })
            Assert.Equal(1, SmsSegments.Count(prompt).Segments);
    }

    private static (SmsEncoding, int) Pick((SmsEncoding Encoding, int Segments, int Units) count) => (count.Encoding, count.Segments);
}
