using System.Text;
using OmniIntake.Channels.Email.Imap;

namespace OmniIntake.Channels.Email.Tests.Imap;

/// <summary>Issue 17 item 2: which mails of a fetched batch may go in at once, and which must wait for another.</summary>
public sealed class MailLanesTests
{
    private static MailLaneHeaders Mail(string from, string id, params string[] answers) =>
        MailLaneHeaders.Read(Encoding.ASCII.GetBytes(
            $"From: {from}\r\nMessage-ID: <{id}@mail.example.test>\r\n"
            + (answers.Length > 0 ? $"In-Reply-To: <{answers[0]}@mail.example.test>\r\nReferences: {string.Join(" ", answers.Select(a => $"<{a}@mail.example.test>"))}\r\n" : "")
            + "Subject: x\r\n\r\nbody\r\n"));

    [Fact]
    public void OneSendersMail_SharesALane_InUidOrder_AndOtherSendersGoAtOnce()
    {
        var lanes = MailLanes.Of([Mail("a@example.test", "1"), Mail("b@example.test", "2"), Mail("A@Example.test", "3"), Mail("c@example.test", "4")]);

        Assert.Equal([[0, 2], [1], [3]], lanes.Select(l => l.ToArray()).OrderBy(l => l[0]));
    }

    [Fact]
    public void AReplyFromSomeoneElse_WaitsForTheMailItAnswers_InTheSameBatch()
    {
        var lanes = MailLanes.Of([Mail("a@example.test", "orig"), Mail("b@example.test", "other"), Mail("colleague@example.test", "re", "orig")]);

        Assert.Equal([[0, 2], [1]], lanes.Select(l => l.ToArray()).OrderBy(l => l[0]));
    }

    [Fact]
    public void AReplyToMailOutsideTheBatch_AndUnreadableHeaders_NeedNoOrder_ButUnreadableOnesShareOneLane()
    {
        var unreadable = MailLaneHeaders.None;
        var lanes = MailLanes.Of([Mail("a@example.test", "1", "long-ago"), unreadable, Mail("b@example.test", "2"), unreadable]);

        Assert.Equal([[0], [1, 3], [2]], lanes.Select(l => l.ToArray()).OrderBy(l => l[0]));
    }
}
