using System.Diagnostics;
using MimeKit;
using OmniIntake.Channels.Email.Parsing;
using OmniIntake.Core.Intake;

namespace OmniIntake.Channels.Email.Tests.Parsing;

/// <summary>A header folded into thousands of encoded words (the robustness drill's megabyte sender name, issue 12):
/// MimeKit took 24 s to load it; bounded first, the mail is read at once, still taken, and marked.</summary>
public sealed class HeaderBoundsTests
{
    private static byte[] MailFrom(string name)
    {
        var mail = new MimeMessage { Subject = "投诉" };
        mail.From.Add(new MailboxAddress(name, "wang@example.test"));
        mail.To.Add(new MailboxAddress("", "complaints@hub.example.test"));
        mail.Body = new TextPart("plain") { Text = "3号楼电梯坏了三天了" };
        using var stream = new MemoryStream();
        mail.WriteTo(stream);
        return stream.ToArray();
    }

    [Fact]
    public void AMegabyteSenderName_IsCut_TheMailIsTakenWithItsSenderAndText_AndMarked()
    {
        var raw = MailFrom(new string('x', 1_048_576));

        var watch = Stopwatch.StartNew();
        var parsed = new EmailReader().Read(new MemoryStream(raw), "test:megabyte-name", DateTimeOffset.UtcNow);
        watch.Stop();

        var message = Assert.IsType<InboundMessage>(parsed.Message);
        Assert.Equal("wang@example.test", message.Sender.Value);
        Assert.Equal("3号楼电梯坏了三天了", message.Text.Trim());
        Assert.Contains(MessageNotices.HeaderTooLong, message.Notices);
        Assert.StartsWith("xxxx", message.SenderName, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"reading took {watch.Elapsed}"); // a hang guard: 24 s before
    }

    [Fact]
    public void AMegabyteAttachmentName_IsCut_TheMailIsTakenWithItsText_AndMarked()
    {
        var mail = new MimeMessage { Subject = "附件" };
        mail.From.Add(new MailboxAddress("王芳", "wang@example.test"));
        mail.To.Add(new MailboxAddress("", "complaints@hub.example.test"));
        var body = new BodyBuilder { TextBody = "见附件" };
        body.Attachments.Add(new MimePart("application", "pdf") { FileName = new string('名', 350_000), Content = new MimeContent(new MemoryStream([1, 2, 3])) });
        mail.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        mail.WriteTo(stream, TestContext.Current.CancellationToken);

        var watch = Stopwatch.StartNew();
        var parsed = new EmailReader().Read(new MemoryStream(stream.ToArray()), "test:megabyte-attachment-name", DateTimeOffset.UtcNow);
        watch.Stop();

        var message = Assert.IsType<InboundMessage>(parsed.Message);
        Assert.Equal("见附件", message.Text.Trim());
        Assert.Contains(MessageNotices.HeaderTooLong, message.Notices);
        Assert.Single(message.Attachments);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"reading took {watch.Elapsed}"); // a hang guard
    }

    [Fact]
    public void OrdinaryHeaders_AreLeftAsTheyAre()
    {
        var raw = MailFrom("王芳");

        var (bytes, cut) = HeaderBounds.Apply(raw);

        Assert.False(cut);
        Assert.Same(raw, bytes);
        var parsed = new EmailReader().Read(new MemoryStream(raw), "test:ordinary", DateTimeOffset.UtcNow);
        Assert.Empty(parsed.Message!.Notices);
        Assert.Equal("王芳", parsed.Message.SenderName);
    }

    [Fact]
    public void ALongFieldAmongOthers_IsCutAtAFold_AndTheFieldsAfterItSurvive()
    {
        var references = string.Join("\r\n ", Enumerable.Range(0, 5_000).Select(i => $"<ref{i}@example.test>"));
        var raw = System.Text.Encoding.ASCII.GetBytes(
            "From: a@example.test\r\nReferences: " + references + "\r\nSubject: after the long one\r\nContent-Type: text/plain\r\n\r\nbody\r\n");

        var (bytes, cut) = HeaderBounds.Apply(raw);

        Assert.True(cut);
        Assert.True(bytes.Length < raw.Length);
        var parsed = new EmailReader().Read(new MemoryStream(bytes), "test:references", DateTimeOffset.UtcNow);
        Assert.Equal("after the long one", parsed.Message!.Subject);
        Assert.Equal("body", parsed.Message.Text.Trim());
    }
}
