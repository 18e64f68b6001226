using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Intake;

namespace OmniIntake.Core.Tests.Intake;

public sealed class InboundMessageRulesTests
{
    private static InboundMessage Valid() => new()
    {
        Channel = Channel.Sms, ExternalId = "SM1", Sender = ContactHandle.Create(ContactHandleKind.Phone, "13800138000"),
        Text = "投诉", ReceivedAt = DateTimeOffset.UnixEpoch.AddYears(56),
    };

    [Fact]
    public void ValidMessage_HasNoErrors() => Assert.Empty(InboundMessageRules.Check(Valid()));

    [Fact]
    public void EveryBrokenRule_IsReported()
    {
        var errors = InboundMessageRules.Check(Valid() with
        {
            ExternalId = new string('x', 401), Text = new string('t', InboundMessageRules.MaxTextLength + 1), ReceivedAt = default,
            Fields = new CaseFields { Location = new string('l', 2001) },
        });

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("location", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_AreValidated_WithTheKeyAndTheBadValue()
    {
        var errors = new IntakeOptions { CaseNumberPrefix = "T-S", TimeZone = "Mars/Olympus", ThreadingWindow = TimeSpan.FromHours(-1) }.Validate();

        Assert.Contains(errors, e => e.Contains("Intake:CaseNumberPrefix", StringComparison.Ordinal) && e.Contains("T-S", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Mars/Olympus", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Intake:ThreadingWindow", StringComparison.Ordinal));
    }
}
