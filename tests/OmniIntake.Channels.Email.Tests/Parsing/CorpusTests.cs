using OmniIntake.Channels.Email.Parsing;
using OmniIntake.Testing;

namespace OmniIntake.Channels.Email.Tests.Parsing;

/// <summary>Every RFC 822 message of the shared MIME corpus (testdata/README.md says what each stresses) is read.</summary>
public sealed class CorpusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Messages()
    {
        var data = new TheoryData<string>();
        foreach (var file in SharedTestData.EmailCorpus()) data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryMessage_IsRead_WithReadableText(string file)
    {
        var parsed = new EmailReader().Read(SharedTestData.Open(file), "corpus:" + file, Now);

        if (parsed.Kind is EmailKind.Bounce or EmailKind.Report)
        {
            Assert.Null(parsed.Message);
            return;
        }
        var message = Assert.IsType<OmniIntake.Core.Intake.InboundMessage>(parsed.Message);
        Assert.Empty(OmniIntake.Core.Intake.InboundMessageRules.Check(message));
        Assert.False(string.IsNullOrWhiteSpace(message.Text) && string.IsNullOrWhiteSpace(message.Html) && message.Attachments.Count == 0,
            "the message has something to read");
        // Readable: what was decoded is not a run of replacement characters from a wrong charset.
        var decoded = (message.Subject ?? "") + message.Text;
        Assert.True(decoded.Count(c => c == '\uFFFD') <= 2, $"replacement characters in: {decoded[..Math.Min(200, decoded.Length)]}");
    }
}
