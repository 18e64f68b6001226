using OmniIntake.Core.Conversations;
using OmniIntake.Dialogs.Definitions;
using OmniIntake.Dialogs.Engine;

namespace OmniIntake.Dialogs.Tests.Engine;

/// <summary>The cases the user reported in issue 16, item 1, one test each.</summary>
public sealed class WholeMessageTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 30, 0, TimeSpan.Zero); // Tuesday 10:30 in Shanghai
    private static readonly DialogDefinition Definition = DefinitionLoader.LoadFile(Path.Combine(DefinitionLoader.ShippedDirectory, "complaint-intake.json"));
    private static readonly DialogEngine Engine = new(Definition, Shanghai);
    private static readonly Dictionary<string, string> Nothing = [];

    private static DialogTurn Chat(string language, params string[] messages)
    {
        var turn = Engine.Start(language, DialogStyle.Chat, Nothing, Now);
        foreach (var message in messages) turn = Engine.Handle(turn.State, message, Now);
        return turn;
    }

    [Fact]
    public void AFirstMessageWithEverything_GoesStraightToTheSummary_PlaceAndRequestIncluded()
    {
        var turn = Chat("zh-CN", "我是陈建国，电话138 1234 5678，前天晚上8点多我的车停在阳光花园地下车库B2层，被掉下来的水泥块砸坏了，要求物业赔偿修车费2000元。");

        Assert.Equal(DialogPhase.Confirming, turn.State.Phase);
        Assert.Equal(("陈建国", "+8613812345678", "2026-11-22 20:00", "阳光花园地下车库B2层", "要求物业赔偿修车费2000元", "property-management"),
            (turn.State.Values["complainantName"], turn.State.Values["contactPhone"], turn.State.Values["occurredAt"], turn.State.Values["location"],
                turn.State.Values["customerRequest"], turn.State.Values["category"]));
        Assert.Contains("地点：阳光花园地下车库B2层", turn.Replies[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("我姓陈", "陈先生/女士")]
    [InlineData("我姓陈，女士", "陈女士")]
    [InlineData("免贵姓黄，黄先生", "黄先生")]
    [InlineData("我是3栋的业主，姓李", "李先生/女士")]
    public void ASurnameOnly_IsStoredAsAPoliteName_NotAsTheWholeSentence(string answer, string name)
    {
        var turn = Chat("zh-CN", "电梯坏了三天没人修", answer);

        Assert.Equal(name, turn.State.Values["complainantName"]);
    }

    [Fact]
    public void ANameCorrectionCarryingTheNewName_TakesIt_AndReturnsToTheSummary()
    {
        var turn = Chat("zh-CN", "我叫陈建明，电话13812345678，昨天晚上8点在阳光花园3栋，电梯坏了，要求维修。");
        Assert.Equal(DialogPhase.Confirming, turn.State.Phase);

        turn = Engine.Handle(turn.State, "名字写错了，我叫陈建国", Now);

        Assert.Equal(DialogPhase.Confirming, turn.State.Phase); // not asked again
        Assert.Equal("陈建国", turn.State.Values["complainantName"]);
        Assert.Contains("姓名：陈建国", turn.Replies[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("刚才说了，阳光花园3栋2单元", "阳光花园3栋2单元")]
    [InlineData("我刚才说过了，就在阳光花园东门口", "阳光花园东门口")]
    [InlineData("嗯，在翠湖苑地下停车场", "翠湖苑地下停车场")]
    public void FillerBeforeAnAnswer_IsNotPartOfIt(string answer, string place)
    {
        var turn = Chat("zh-CN", "我叫陈建国，电话13812345678，昨天晚上8点，车被砸了，要求赔偿。");
        Assert.Equal("location", turn.State.Asking);

        turn = Engine.Handle(turn.State, answer, Now);

        Assert.Equal(place, turn.State.Values["location"]);
        Assert.False(turn.State.Values.ContainsKey("occurredAt") && turn.State.Values["occurredAt"] == "2026-11-24 10:30"); // "刚才" is not a time here
    }

    [Fact]
    public void English_ThePlaceIsRead_AndTheSummaryShowsTheCategoryInEnglish()
    {
        var turn = Chat("en", "My name is Sarah Wilson, phone 13812345678. Last Friday at 3pm I was stuck in the lift at Building 3, Jade Lake Court for 40 minutes. Please fix the lift.");

        Assert.Equal(DialogPhase.Confirming, turn.State.Phase);
        Assert.Equal("Building 3, Jade Lake Court", turn.State.Values["location"]);
        var summary = turn.Replies[0];
        Assert.Contains("Category: property management", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("物业", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void FullWidthDigits_AndTraditionalCharacters_ReadLikeTheirPlainForms()
    {
        var turn = Chat("zh-CN", "我叫陳建國，電話：１３８ １２３４ ５６７８，昨天晚上8點在陽光花園地下車庫B2層，車被砸了，要求物業賠償修車費。");

        Assert.Equal(("陈建国", "+8613812345678", "2026-11-23 20:00", "阳光花园地下车库B2层"),
            (turn.State.Values["complainantName"], turn.State.Values["contactPhone"], turn.State.Values["occurredAt"], turn.State.Values["location"]));
        Assert.StartsWith("我叫陳建國", turn.State.Values["description"], StringComparison.Ordinal); // the complaint keeps the customer's own words
    }

    [Theory]
    [InlineData("上周五下午，在3号楼", "2026-11-20 下午")]
    [InlineData("前天晚上8点多", "2026-11-22 20:00")]
    public void TheDatesThatWorkedBefore_StillWork(string answer, string when)
    {
        var turn = Chat("zh-CN", "电梯坏了三天没人修", "王先生，021-62345678", answer);

        Assert.Equal(when, turn.State.Values["occurredAt"]);
        Assert.Equal("+862162345678", turn.State.Values["contactPhone"]);
    }

    [Fact]
    public void ANameInsteadOfTheComplaint_IsTaken_AndTheComplaintIsAskedAgainWithoutARetryWarning()
    {
        var turn = Chat("zh-CN", "我姓陈");

        Assert.Equal("陈先生/女士", turn.State.Values["complainantName"]);
        Assert.Equal("请描述您遇到的问题。", Assert.Single(turn.Replies));
        Assert.Equal(0, turn.State.Retries);
    }

    [Fact]
    public void ATimeInALaterClause_DoesNotMoveWhenItHappened()
    {
        var turn = Chat("zh-CN", "上个星期三晚上在御龙湾小区5号楼，楼下的KTV吵到凌晨两点，希望物业出面协调。");

        Assert.Equal("2026-11-18 晚上", turn.State.Values["occurredAt"]);
    }

    [Fact]
    public void InChat_TwoMissingContactFieldsAreOneQuestion_AndBothAreTakenFromOneAnswer()
    {
        var turn = Chat("zh-CN", "3号楼的电梯坏了三天，没人来修");
        var question = Assert.Single(turn.Replies);
        Assert.Contains("怎么称呼", question, StringComparison.Ordinal);
        Assert.Contains("联系电话", question, StringComparison.Ordinal);

        turn = Engine.Handle(turn.State, "李娜 13611112222", Now);

        Assert.Equal(("李娜", "+8613611112222"), (turn.State.Values["complainantName"], turn.State.Values["contactPhone"]));
        Assert.Contains("什么时候", turn.Replies[0], StringComparison.Ordinal);
        Assert.Contains("什么地方", turn.Replies[0], StringComparison.Ordinal);
    }

    [Fact]
    public void BySms_OneShortQuestionAtATime()
    {
        var turn = Engine.Start("zh-CN", DialogStyle.Sms, Nothing, Now, firstText: "3号楼的电梯坏了三天，没人来修");

        Assert.Equal("请问您怎么称呼？", Assert.Single(turn.Replies));
        Assert.Empty(turn.State.AskingAlso);
    }

    [Fact]
    public void AComplaintMentioningAnAgent_IsNotAHandOff_ButAskingForAPersonIs()
    {
        var turn = Chat("en", "Yesterday I called your hotline and the agent hung up on me. I want an explanation.");
        Assert.Equal(DialogPhase.Collecting, turn.State.Phase);

        turn = Engine.Handle(turn.State, "can I talk to a real person?", Now);

        Assert.Equal(DialogPhase.HandedOff, turn.State.Phase);
    }

    [Fact]
    public void AnEmailAddressInAChatMessage_IsKept_ButNeverAskedFor()
    {
        var turn = Chat("en", "My name is Tom Baker, 13900139000, tom.baker@example.com. Yesterday at 9am at Building 2, Ocean Park the lift stopped. Please repair it.");

        Assert.Equal("tom.baker@example.com", turn.State.Values["contactEmail"]);
        Assert.Equal(DialogPhase.Confirming, turn.State.Phase);
        Assert.Contains("E-mail: tom.baker@example.com", turn.Replies[0], StringComparison.Ordinal);
        Assert.DoesNotContain(Chat("en", "The lift is broken again today, nobody came").Replies, r => r.Contains("e-mail", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ADefinitionChangedMidConversation_DoesNotBreakTheDialog()
    {
        // A dialog begun under version 1 asked about a field this version no longer has.
        var turn = Chat("zh-CN", "电梯坏了三天没人修");
        var state = turn.State;
        state.DefinitionVersion = Definition.Version - 1;
        state.Asking = "roomNumber";
        state.AskingAlso.Add("floor");
        state.Values["roomNumber"] = "1202";

        var next = Engine.Handle(state, "王先生 13800138000", Now);

        Assert.Equal(Definition.Version, next.State.DefinitionVersion);
        Assert.False(next.State.Values.ContainsKey("roomNumber"));
        Assert.Equal("王先生", next.State.Values["complainantName"]);
        Assert.Contains("什么时候", next.Replies[0], StringComparison.Ordinal);
    }
}
