using OmniIntake.Core.Conversations;
using OmniIntake.Dialogs.Definitions;
using OmniIntake.Dialogs.Engine;

namespace OmniIntake.Dialogs.Tests.Engine;

public sealed class DialogFlowTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 30, 0, TimeSpan.Zero);
    private static readonly DialogEngine Engine =
        new(DefinitionLoader.LoadFile(Path.Combine(DefinitionLoader.ShippedDirectory, "complaint-intake.json")), Shanghai);
    private static readonly Dictionary<string, string> Nothing = [];

    private static DialogTurn Say(DialogTurn turn, string text) => Engine.Handle(turn.State, text, Now);

    [Fact]
    public void Chinese_Chat_AsksOneThingAtATime_ConfirmsCorrectsAndRegisters()
    {
        var turn = Engine.Start("zh-CN", DialogStyle.Chat, Nothing, Now);
        Assert.Contains("请描述", Assert.Single(turn.Replies), StringComparison.Ordinal);

        turn = Say(turn, "3号楼的电梯坏了三天，没人来修");
        // Name and phone are one question in chat (issue 16); an answer with the name only gets the phone asked next.
        Assert.StartsWith("请问您怎么称呼？请留下您的联系电话。", Assert.Single(turn.Replies), StringComparison.Ordinal);
        turn = Say(turn, "王先生");
        Assert.Equal("请留下您的联系电话。", Assert.Single(turn.Replies));
        turn = Say(turn, "12345");
        Assert.Contains("号码好像不对", Assert.Single(turn.Replies), StringComparison.Ordinal); // retry prompt
        turn = Say(turn, "13800138000");
        Assert.Contains("什么时候", Assert.Single(turn.Replies), StringComparison.Ordinal);
        turn = Say(turn, "昨天下午三点");
        Assert.Contains("什么地方", Assert.Single(turn.Replies), StringComparison.Ordinal);
        turn = Say(turn, "3号楼电梯");
        Assert.Contains("怎么处理", Assert.Single(turn.Replies), StringComparison.Ordinal);
        turn = Say(turn, "尽快修好");
        // The category came from "电梯" in the first message: not asked; the summary follows.
        Assert.Equal(DialogPhase.Confirming, turn.State.Phase);
        var summary = Assert.Single(turn.Replies);
        Assert.Contains("联系电话：+86 138 0013 8000", summary, StringComparison.Ordinal);
        Assert.Contains("发生时间：2026-11-23 15:00", summary, StringComparison.Ordinal);
        Assert.Contains("类别：物业管理", summary, StringComparison.Ordinal);

        turn = Say(turn, "电话写错了");
        Assert.Equal("请留下您的联系电话。", Assert.Single(turn.Replies));
        turn = Say(turn, "13900139000");
        Assert.Equal(DialogPhase.Confirming, turn.State.Phase);
        Assert.Contains("+86 139 0013 9000", Assert.Single(turn.Replies), StringComparison.Ordinal);

        turn = Say(turn, "确认");
        Assert.Equal(DialogAction.Register, turn.Action);
        Assert.Equal(DialogPhase.Registered, turn.State.Phase);
        Assert.Contains("{number}", Assert.Single(turn.Replies), StringComparison.Ordinal);
        Assert.Equal("+8613900139000", turn.State.Values["contactPhone"]);
        Assert.False(turn.State.Incomplete);
    }

    [Fact]
    public void English_OneMessageFillsSeveralFields_AndACorrectionCanCarryTheNewValue()
    {
        var turn = Engine.Start("en-GB", DialogStyle.Chat, Nothing, Now);
        turn = Say(turn, "My name is Li Lei. The parking gate hit my car yesterday 3pm, call me on 13800138000");
        Assert.Equal(("Li Lei", "+8613800138000", "2026-11-23 15:00", "property-management"),
            (turn.State.Values["complainantName"], turn.State.Values["contactPhone"], turn.State.Values["occurredAt"], turn.State.Values["category"]));
        Assert.Equal("Where did it happen?", Assert.Single(turn.Replies));
        turn = Say(turn, "car park B2");
        turn = Say(turn, "none");
        Assert.Equal(DialogPhase.Confirming, turn.State.Phase);
        Assert.True(turn.Replies[0].Contains("What you ask for: —", StringComparison.Ordinal), turn.Replies[0]);

        turn = Say(turn, "change my phone to 13900139000");
        Assert.Equal(DialogPhase.Confirming, turn.State.Phase);
        Assert.Equal("+8613900139000", turn.State.Values["contactPhone"]);
        turn = Say(turn, "yes");
        Assert.Equal(DialogAction.Register, turn.Action);
    }

    [Fact]
    public void Sms_NeverAsksForTheSendersNumber_AndStartsFromTheFirstMessage()
    {
        var known = new Dictionary<string, string> { ["phone"] = "+8613800138000" };
        var turn = Engine.Start("zh-CN", DialogStyle.Sms, known, Now, firstText: "小区门口的路灯坏了一个星期了");
        Assert.Equal("请问您怎么称呼？", Assert.Single(turn.Replies));
        turn = Say(turn, "李女士");
        Assert.Contains("什么时候", Assert.Single(turn.Replies), StringComparison.Ordinal); // phone skipped: known
        turn = Say(turn, "上周五晚上");
        turn = Say(turn, "小区南门");
        turn = Say(turn, "无");
        turn = Say(turn, "其他");
        Assert.Equal(DialogPhase.Confirming, turn.State.Phase);
        Assert.StartsWith("核对：", turn.Replies[0], StringComparison.Ordinal); // the short SMS summary
        Assert.Equal("+8613800138000", turn.State.Values["contactPhone"]);
    }

    [Fact]
    public void Email_AsksForEveryMissingFieldAtOnce_AndReadsTheLabelledAnswer()
    {
        var known = new Dictionary<string, string> { ["email"] = "wang@example.test" };
        var turn = Engine.Start("zh-CN", DialogStyle.Email, known, Now, firstText: "楼上漏水，把我家天花板泡坏了");
        var ask = Assert.Single(turn.Replies);
        Assert.Contains("姓名：", ask, StringComparison.Ordinal);
        Assert.Contains("联系电话：", ask, StringComparison.Ordinal);
        Assert.Contains("地点：", ask, StringComparison.Ordinal);

        turn = Say(turn, "姓名：王五\n联系电话：13800138000\n发生时间：11月20日上午\n地点：5栋1203\n您的要求：维修并赔偿\n\n> 原邮件引用");
        // By e-mail the case is open already: complete means done, with no confirmation round.
        Assert.Equal((DialogPhase.Registered, DialogAction.Register), (turn.State.Phase, turn.Action));
        Assert.Empty(turn.Replies);
        Assert.Equal(("王五", "+8613800138000", "2026-11-20 上午", "5栋1203", "维修并赔偿", "engineering-quality"),
            (turn.State.Values["complainantName"], turn.State.Values["contactPhone"], turn.State.Values["occurredAt"], turn.State.Values["location"],
                turn.State.Values["customerRequest"], turn.State.Values["category"]));
    }

    [Theory]
    [InlineData("人工", DialogPhase.HandedOff, DialogAction.HandOff)]
    [InlineData("I want a human", DialogPhase.HandedOff, DialogAction.HandOff)]
    [InlineData("取消", DialogPhase.Cancelled, DialogAction.Cancel)]
    [InlineData("cancel", DialogPhase.Cancelled, DialogAction.Cancel)]
    public void HandOffAndCancel_WorkAtAnyMoment(string text, DialogPhase phase, DialogAction action)
    {
        var turn = Engine.Start("zh-CN", DialogStyle.Chat, Nothing, Now);
        turn = Say(turn, "电梯坏了三天没人修");

        turn = Say(turn, text);

        Assert.Equal((phase, action), (turn.State.Phase, turn.Action));
        Assert.Empty(Say(turn, "还有人吗").Replies); // over: later messages go to the case, not the dialog
        if (action == DialogAction.HandOff) Assert.True(turn.State.Incomplete);
    }

    [Fact]
    public void AnAbandonedDialog_Expires_AsAnIncompleteRegistration()
    {
        var turn = Engine.Start("zh-CN", DialogStyle.Chat, Nothing, Now);
        turn = Say(turn, "电梯坏了三天没人修");

        var expired = Engine.Expire(turn.State, Now.AddHours(1));

        Assert.Equal((DialogPhase.Expired, DialogAction.Register, true), (expired.State.Phase, expired.Action, expired.State.Incomplete));
        Assert.Equal("电梯坏了三天没人修", expired.State.Values["description"]);
    }

    [Fact]
    public void ARequiredFieldIsGivenUpAfterThreeTries_SoNobodyIsTrapped()
    {
        var turn = Engine.Start("zh-CN", DialogStyle.Chat, Nothing, Now);
        turn = Say(turn, "电梯坏了三天没人修");
        turn = Say(turn, "张三");
        for (var i = 0; i < 3; i++) turn = Say(turn, "不知道");

        Assert.Contains("contactPhone", turn.State.Skipped);
        Assert.Contains("什么时候", turn.Replies[0], StringComparison.Ordinal);
    }
}
