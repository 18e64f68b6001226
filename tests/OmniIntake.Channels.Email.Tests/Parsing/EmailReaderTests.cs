using System.Text;
using OmniIntake.Channels.Email.Parsing;
using OmniIntake.Core.Contacts;
using OmniIntake.Testing;

namespace OmniIntake.Channels.Email.Tests.Parsing;

public sealed class EmailReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private readonly EmailReader _reader = new();

    private ParsedEmail Read(string file) => _reader.Read(SharedTestData.Open(file), "test:" + file, Now);

    [Theory]
    [InlineData("email/demisto-parse-emails/chinese_gb2312_encoding.eml", "你好，我是程序员，很高兴认识你")] // GB2312 label read as GB18030
    [InlineData("email/demisto-parse-emails/chinese_gbk_encoding.eml", "你好，中国")]
    [InlineData("email/demisto-parse-emails/chinese_big5_encoding.eml", "圖形碼")]
    public void ChineseBodies_AreDecoded(string file, string expected)
    {
        var parsed = Read(file);

        Assert.Equal(EmailKind.Personal, parsed.Kind);
        Assert.Equal(expected, parsed.Message!.Text.Trim());
    }

    [Fact]
    public void MultipartGbk_GivesText_Html_Headers_Attachments_AndThreadIds()
    {
        var parsed = Read("email/letters/test_chinese_multipart_mixed_gbk_over_quoted-printable.txt");
        var message = parsed.Message!;

        Assert.StartsWith("石室诗士施氏，嗜狮，誓食十狮。", message.Text, StringComparison.Ordinal);
        Assert.Contains("石室诗士施氏", message.Html, StringComparison.Ordinal);
        Assert.Equal("📧 Test 施氏食狮史", message.Subject);
        Assert.Equal("艾莉絲 发件人", message.SenderName);
        Assert.Equal(ContactHandle.Create(ContactHandleKind.Email, "alice.fajianren@example.com"), message.Sender);
        Assert.Equal("<Message-Id-1@example.com>", message.Thread.MessageId);
        Assert.Contains(message.Attachments, a => a.FileName == "attached-pdf-filename.pdf" && a.ContentType == "application/pdf" && a.Size > 0);
    }

    [Fact]
    public void Reply_CarriesInReplyToAndReferences()
    {
        var message = Read("email/mimekit/issue358.txt").Message!;

        Assert.NotEmpty(message.Thread.Replies);
        Assert.All(message.Thread.Replies, r => Assert.Matches("^<.+>$", r));
    }

    [Theory]
    [InlineData("email/mimekit/bounce.txt", EmailKind.Bounce)]
    [InlineData("email/mimekit/delivery-status-no-blank-line.txt", EmailKind.Bounce)]
    [InlineData("email/mimekit/disposition-notification.txt", EmailKind.Report)]
    [InlineData("email/mimekit/feedback-report.txt", EmailKind.Report)]
    public void BouncesAndReports_AreNotComplaints(string file, EmailKind kind)
    {
        var parsed = Read(file);

        Assert.Equal(kind, parsed.Kind);
        Assert.Null(parsed.Message);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied")]
    [InlineData("X-Autoreply: yes")]
    [InlineData("Precedence: bulk")]
    public void AutoReplies_AreRecognised(string header)
    {
        var raw = $"From: 李雷 <li@example.test>\r\nTo: service@example.test\r\nSubject: 外出\r\n{header}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n我不在办公室\r\n";

        var parsed = _reader.Read(new MemoryStream(Encoding.UTF8.GetBytes(raw)), "t1", Now);

        Assert.Equal(EmailKind.AutoReply, parsed.Kind);
        Assert.NotNull(parsed.Message);
    }

    [Fact]
    public void MailWithoutSender_IsStillTakenIn_AsAnonymous()
    {
        var parsed = Read("email/mimekit/multipart-related-mhtml.txt");

        Assert.Equal(ContactHandleKind.Anonymous, parsed.Message!.Sender.Kind);
    }

    [Fact]
    public void ContentId_IsStable_AndDiffersPerMessage()
    {
        Assert.Equal(EmailReader.ContentId("a"u8), EmailReader.ContentId("a"u8));
        Assert.NotEqual(EmailReader.ContentId("a"u8), EmailReader.ContentId("b"u8));
    }
}
