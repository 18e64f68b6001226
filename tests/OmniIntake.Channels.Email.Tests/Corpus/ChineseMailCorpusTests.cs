using OmniIntake.Channels.Email.Parsing;
using OmniIntake.Core.Intake;

namespace OmniIntake.Channels.Email.Tests.Corpus;

/// <summary>
/// Issue 12, "Chinese mail that is still garbled" and the e-mail part of "Real material nobody here wrote": each file of
/// this folder (README.md says how it was made) is read into the subject and text its sender wrote, and marked when the
/// hub had to guess or could not decode everything.
/// </summary>
public sealed class ChineseMailCorpusTests
{
    private const string Mainland = "小区3号楼的电梯已经坏了三天，老人上下楼非常困难，请尽快派人维修。";
    private const string Taiwan = "社區3號樓的電梯已經壞了三天，老人上下樓非常困難，請盡快派人維修。";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string?> Readable => new()
    {
        { "big5-subject-and-body", "電梯故障投訴", Taiwan, null },
        { "big5-hkscs-label", "電梯故障投訴", Taiwan, null },
        { "gb18030-and-utf8-words", "投诉：电梯坏了", Mainland, null },
        { "gbk-word-with-gb18030-only-char-and-utf8-word", "刘䶮：电梯坏了", "刘䶮：" + Mainland, null },
        { "utf8-labelled-us-ascii", "电梯坏了", Mainland, MessageNotices.CharsetDetected },
        { "utf8-labelled-latin1", "电梯坏了", Mainland, MessageNotices.CharsetDetected },
        { "utf8-unlabelled", "电梯坏了", Mainland, MessageNotices.CharsetDetected },
        { "utf8-labelled-gb2312", "电梯坏了", Mainland, MessageNotices.CharsetDetected },
        { "gbk-labelled-latin1", "电梯坏了", Mainland + Mainland + Mainland, MessageNotices.CharsetDetected },
        { "iso-2022-jp-raw-subject", "エレベーター故障", "エレベーターが三日間止まっています。", null },
        // No charset either: the bytes decide, and say so.
        { "content-type-text-without-subtype", "电梯坏了", Mainland, MessageNotices.CharsetDetected },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void SubjectAndText_AreWhatTheSenderWrote_MarkedWhenGuessed(string file, string subject, string text, string? notice)
    {
        var message = Read(file);

        Assert.Equal(subject, message.Subject);
        Assert.Equal(text, message.Text.Trim());
        Assert.Equal(notice is null ? [] : [notice], message.Notices);
        Assert.Empty(message.Attachments);
        Assert.Equal("陈女士", message.SenderName);
    }

    [Fact]
    public void UndecodableBytes_KeepTheRestReadable_AndAreMarked_NeverQuestionMarks()
    {
        var message = Read("gb2312-with-undecodable-bytes");

        Assert.StartsWith("电梯坏了", message.Text, StringComparison.Ordinal);
        Assert.EndsWith("三天了", message.Text.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain('?', message.Text);
        Assert.Contains('\uFFFD', message.Text);
        Assert.Equal([MessageNotices.UndecodableBytes], message.Notices);
    }

    private static InboundMessage Read(string name)
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Corpus", name + ".eml"));
        return new EmailReader().Read(file, "corpus:" + name, Now).Message!;
    }
}
