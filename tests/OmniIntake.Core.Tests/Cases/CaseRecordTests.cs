using System.Text.Encodings.Web;
using System.Text.Json;
using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Tests.Cases;

/// <summary>
/// The typed journal records (issue 13 item 7) write the audit details and event payloads the workspace always read:
/// the JSON below is what the 11-parameter string API wrote for the same parameters.
/// </summary>
public sealed class CaseRecordTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static readonly (CaseRecord Record, long? MessageId, string Action, string? Kind, string Detail, string Data)[] Written =
    [
        (new CaseClaimed("wang", At, "li"), null, "case.claimed", "case.claimed", """{"from":"li"}""", """{"claimedBy":"wang"}"""),
        (new CaseReleased("wang", At, "li"), null, "case.released", "case.claimed", """{"from":"li"}""", """{"claimedBy":null}"""),
        (new NoteAdded("wang", At), 12, "case.note", "case.note", """{"messageId":12}""", """{"messageId":12}"""),
        (new PublicReplyRecorded("wang", At, "https://bbs.example.cn/t/1", true), null, "case.public-reply", "reply.queued",
            """{"link":"https://bbs.example.cn/t/1","deadlineMet":true}""", """{"link":"https://bbs.example.cn/t/1","publicReply":true}"""),
        (new ComplainantAdded("wang", At, 5, "张三", ["phone:+8613800138001"], 3), null, "case.party-added", "case.fields",
            """{"contactId":5,"name":"张三","handles":["phone:+8613800138001"],"complainants":3}""", """{"complainants":3}"""),
        (new CaseClassified("system", At, CaseStatus.Received, CaseClass.General, CaseClass.Hot, "billing", "billing", "3 complainants", false, true,
            CaseClass.Hot, "3 complainants"), null, "case.classified", "case.classified",
            """{"fromClass":"general","toClass":"hot","reason":"3 complainants","automatic":true}""", """{"class":"hot","category":"billing"}"""),
        (new CaseMerged("wang", At, CaseStatus.Received, 9, "TS-9", "dup"), null, "case.merged", "case.merged",
            """{"into":"TS-9","intoId":9,"reason":"dup"}""", """{"into":"TS-9","intoId":9}"""),
        (new CaseMergedIn("wang", At, CaseStatus.Received, 7, "TS-7", "dup", [70, 71]), null, "case.merged-in", "case.fields",
            """{"from":"TS-7","fromId":7,"reason":"dup","complainantsAdded":2}""", """{"mergedIn":"TS-7"}"""),
        (new CaseReplied("wang", At, CaseStatus.Received, "sms"), 12, "reply.queued", "reply.queued", """{"messageId":12,"channel":"sms"}""",
            """{"messageId":12,"channel":"sms"}"""),
        (new DeadlineBreached(At, 3, "forward", At, "30 min", TimeSpan.FromSeconds(2)), null, "deadline.breached", "deadline.breached",
            """{"deadlineId":3,"kind":"forward","dueAt":"2026-11-24T10:00:00+00:00","rule":"30 min"}""",
            """{"deadlineId":3,"kind":"forward","dueAt":"2026-11-24T10:00:00+00:00","rule":"30 min","firedLateMs":2000}"""),
        (new DeliveryRecorded(At, "sent", 4, 12, "sms", 1, "SM1", null, null, 2), null, "reply.sent", "reply.delivery",
            """{"outboxId":4,"messageId":12,"channel":"sms","attempt":1,"providerId":"SM1","error":null,"retryAt":null,"segments":2}""",
            """{"messageId":12,"status":"sent","error":null}"""),
        (new SimilarRemoved("sup1", At, 8, "not the same"), null, "case.similar-removed", null, """{"groupId":8,"reason":"not the same"}""", "{}"),
        (new CaseWithdrawn("wang", At, CaseStatus.Forwarded, "自愿撤回"), null, "case.withdrawn", "case.withdrawn",
            """{"fromStatus":"forwarded","reason":"自愿撤回"}""", """{"fromStatus":"forwarded"}"""),
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
    }

    [Fact]
    public void EveryAuditActionOfARecord_IsAHistoryCode()
    {
        foreach (var record in Written.Select(w => w.Record))
        {
            Assert.Contains(record.AuditAction, Events.HistoryCodes.All);
            if (record.EventKind is { } kind) Assert.Contains(kind, Events.HistoryCodes.EventKinds);
        }
    }
}
