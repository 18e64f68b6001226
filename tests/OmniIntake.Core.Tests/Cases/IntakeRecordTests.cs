using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Tests.Cases;

/// <summary>
/// The intake's journal records (issue 13 items 1 and 7) write the JSON the intake wrote before it had them: the
/// literals below are what IntakeWrite serialised for the same message (messageId appended by the writer).
/// </summary>
public sealed class IntakeRecordTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static readonly (CaseRecord Record, long? MessageId, string Action, string? Kind, string Detail, string Data)[] Written =
    [
        (new CaseOpened("customer", At, Channel.Sms, "SM1", null, "new", "phone:+8613800138001", "水管漏水"), 12, "case.opened", "case.opened",
            """{"channel":"sms","externalId":"SM1","relatedCaseId":null,"reason":"new","messageId":12}""",
            """{"channel":"sms","sender":"phone:+8613800138001","preview":"水管漏水","messageId":12}"""),
        (new CaseOpened("agent1", At, Channel.Email, "<a@b>", 41, "named case closed or not the sender's", "email:a@b.cn", "回复 — \"仍然\" <b>"), 13,
            "case.opened", "case.opened",
            """{"channel":"email","externalId":"<a@b>","relatedCaseId":41,"reason":"named case closed or not the sender's","messageId":13}""",
            """{"channel":"email","sender":"email:a@b.cn","preview":"回复 — \"仍然\" <b>","messageId":13}"""),
        (new MessageReceived("customer", At, Channel.Chat, "chat session", "chat:s1", "还在吗"), 14, "message.received", "message.received",
            """{"channel":"chat","reason":"chat session","messageId":14}""", """{"channel":"chat","sender":"chat:s1","preview":"还在吗","messageId":14}"""),
        (new UnknownCategoryGiven(At, "水电"), null, "category.unknown", null, """{"given":"水电"}""", "{}"),
        (new RaisedOnRegistration(At, CaseClass.Important, "complained again after the earlier case was handled (policy 5.5: important)", 41), null,
            "case.classified", null,
            """{"fromClass":"general","toClass":"important","reason":"complained again after the earlier case was handled (policy 5.5: important)","automatic":true,"relatedCaseId":41}""",
            "{}"),
    ];

    public static TheoryData<int> Entries => new(Enumerable.Range(0, Written.Length));

    [Theory]
    [MemberData(nameof(Entries))]
    public void ARecord_WritesItsActionKindAndJson(int entry)
    {
        var (record, messageId, action, kind, detail, data) = Written[entry];
        Assert.Equal((action, kind), (record.AuditAction, record.EventKind));
        Assert.Equal(detail, JsonSerializer.Serialize(record.AuditDetail(messageId), Web));
        Assert.Equal(data, JsonSerializer.Serialize(record.EventData(messageId), Web));
        Assert.Contains(record.AuditAction, Events.HistoryCodes.All);
        if (record.EventKind is { } eventKind) Assert.Contains(eventKind, Events.HistoryCodes.EventKinds);
    }

    [Fact]
    public void TheArrivalsJson_IsWhatTheWriterMadeByAppendingTheMessageId()
    {
        // Before the records, the writer serialised the detail without the id and appended it (JsonNode); text chosen to
        // need escaping (quotes, a tag, an emoji, a control character) so the two ways of writing must agree on it.
        const string preview = "停水 \"三天\" <b>😀\u0001";
        var opened = new CaseOpened("customer", At, Channel.Chat, "c-1", 9, "new", "chat:s1", preview);
        var earlier = JsonSerializer.Serialize(new { channel = "chat", sender = "chat:s1", preview }, Web);
        var appended = JsonNode.Parse(earlier)!.AsObject();
        appended["messageId"] = 77L;

        Assert.Equal(appended.ToJsonString(Web), JsonSerializer.Serialize(opened.EventData(77), Web));
    }

    [Fact]
    public void WithoutTheMessageId_TheRecordLeavesANullForTheChainedStatementToSet()
    {
        // PostgreSQL's chained intake sets the key with jsonb || (ISqlDialect.JsonWithKey), which replaces this null.
        var received = new MessageReceived("customer", At, Channel.Sms, "same phone within window", "phone:+8613800138001", "好的");

        Assert.Equal("""{"channel":"sms","reason":"same phone within window","messageId":null}""",
            JsonSerializer.Serialize(received.AuditDetail(null), Web));
    }
}
