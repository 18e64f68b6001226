using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Tests.Cases;

/// <summary>
/// The intake's transitions on the aggregate (issue 13 item 1), without a database: a registration's class and its raise
/// (policy 5.5), the forwarding clock from receipt (5.2.2) and the journal; which statuses take a threaded message.
/// </summary>
public sealed class CaseRegistrationTests
{
    private static readonly DefaultDeadlinePolicy Policy = new(BusinessCalendar.ChinaDefault());
    private static readonly DateTimeOffset Received = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Now = Received.AddSeconds(3);

    private static InboundArrival Arrival(Channel channel = Channel.Sms, string? registeredBy = null) =>
        new(channel, "ext-1", "phone:+8613800138001", InboundArrival.ActorOf(registeredBy), Received, InboundArrival.PreviewOf(null, "水管漏水"));

    [Fact]
    public void Register_ANewComplaint_IsGeneral_AndOwesItsForwardingFromReceipt()
    {
        var registration = Case.Register(Arrival(Channel.Email), new CaseLink(null, "new"), unknownCategory: null, Now, Policy);

        Assert.Equal(CaseClass.General, registration.Class);
        Assert.Equal(new DeadlineClock(DeadlineKind.Forward, ClockStart.Receipt, Received), registration.Forwarding.Clock);
        Assert.Equal(Policy.Forwarding(Channel.Email, Received), registration.Forwarding.Due);
        Assert.Null(registration.Forwarding.PausedWith);
        Assert.Empty(registration.Journal);
        var opened = Assert.IsType<CaseOpened>(registration.Received);
        Assert.Equal(("customer", Now, Channel.Email, "ext-1", (long?)null, "new"),
            (opened.Actor, opened.At, opened.Channel, opened.ExternalId, opened.RelatedCaseId, opened.Reason));
    }

    [Fact]
    public void Register_ByAnAgent_IsTheAgentsAct()
    {
        var registration = Case.Register(Arrival(Channel.Phone, registeredBy: "agent1"), new CaseLink(null, "new"), null, Now, Policy);

        Assert.Equal("agent1", registration.Opened.Actor);
        Assert.Equal(Policy.Forwarding(Channel.Phone, Received), registration.Forwarding.Due);
    }

    [Theory]
    [InlineData(CaseStatus.Resolved)]
    [InlineData(CaseStatus.Closed)]
    public void Register_AComplaintAgainAfterTheOwnCaseWasHandled_IsImportant_AndAudited(CaseStatus earlier)
    {
        var registration = Case.Register(Arrival(), new CaseLink(41, "named case closed or not the sender's", earlier), null, Now, Policy);

        Assert.Equal(CaseClass.Important, registration.Class);
        var raised = Assert.IsType<RaisedOnRegistration>(Assert.Single(registration.Journal));
        Assert.Equal((CaseClass.Important, 41L, "system", Now), (raised.ToClass, raised.RelatedCaseId, raised.Actor, raised.At));
        Assert.Equal(41L, registration.Opened.RelatedCaseId);
    }

    [Theory]
    [InlineData(CaseStatus.Received)]
    [InlineData(CaseStatus.Forwarded)]
    [InlineData(CaseStatus.Withdrawn)]
    public void Register_LinkedToACaseNotHandled_OrNotTheSendersOwn_StaysGeneral(CaseStatus earlier)
    {
        Assert.Equal(CaseClass.General, Case.Register(Arrival(), new CaseLink(41, "x", earlier), null, Now, Policy).Class);
        // Linked without naming the own case (the same phone after closure, issue 16 item 3): no repeat by itself.
        Assert.Equal(CaseClass.General, Case.Register(Arrival(), new CaseLink(41, "same phone, earlier case closed"), null, Now, Policy).Class);
    }

    [Fact]
    public void Register_WithAnUnknownCategory_NotesItFirst_ThenTheRaise()
    {
        var registration = Case.Register(Arrival(), new CaseLink(41, "x", CaseStatus.Closed), "水电", Now, Policy);

        Assert.Collection(registration.Journal,
            r => Assert.Equal("水电", Assert.IsType<UnknownCategoryGiven>(r).Given),
            r => Assert.IsType<RaisedOnRegistration>(r));
    }

    [Theory]
    [InlineData(CaseStatus.Received)]
    [InlineData(CaseStatus.Forwarded)]
    [InlineData(CaseStatus.Answered)]
    public void Thread_AnOpenCase_TakesTheMessage(CaseStatus status)
    {
        Assert.True(Case.TakesMessages(status));

        var threading = Case.Thread(status, Arrival(), "same phone within window", Now);

        var received = Assert.IsType<MessageReceived>(threading.Received);
        Assert.Equal(("customer", Now, "same phone within window"), (received.Actor, received.At, received.Reason));
    }

    [Theory]
    [InlineData(CaseStatus.Resolved)]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Withdrawn)]
    [InlineData(CaseStatus.Merged)]
    public void Thread_AHandledCase_TakesNoMessage_TheMessageOpensALinkedCase(CaseStatus status)
    {
        Assert.False(Case.TakesMessages(status));
        Assert.Throws<InvalidOperationException>(() => Case.Thread(status, Arrival(), "email reply", Now));
    }

    [Fact]
    public void Preview_IsSubjectAndText_CutAt140()
    {
        Assert.Equal("停水 — 三天没水", InboundArrival.PreviewOf("停水", "三天没水"));
        Assert.Equal("三天没水", InboundArrival.PreviewOf("", "三天没水"));
        var cut = InboundArrival.PreviewOf(null, new string('水', 200));
        Assert.Equal(new string('水', 140) + "…", cut);
    }
}
