using System.Globalization;
using System.Text;
using System.Text.Json;
using OmniIntake.Data.Cases;

namespace OmniIntake.Server.Classes;

/// <summary>
/// The special report a hot case (brief: what happened and how it was handled) or a major case (detailed: what
/// happened, why it worsened, prevention) owes after handling (policy 5.5), prefilled from the case as Markdown:
/// the facts, the class and why it was raised, the deadlines, the timeline. The analysis is left to its writer.
/// </summary>
public static class SpecialReportDraft
{
    public static string Write(CaseDetail detail, IReadOnlyList<CaseParty> parties, TimeZoneInfo zone)
    {
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var c = detail.Case;
        var major = c.Class == "major";
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {(major ? "重大投诉专题报告 Major complaint: special report" : c.Class == "hot" ? "热点投诉专题报告 Hot complaint: special report" : "投诉报告 Complaint report")} — {c.Number}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- 等级 Class: **{c.Class}**; 状态 Status: {c.Status}; 渠道 Channel: {c.Channel}; 分类 Category: {c.Category ?? "—"}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- 受理时间 Received: {Local(c.ReceivedAt)}; 投诉人 Complainants: {1 + parties.Count}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- 主题 Subject: {c.Subject ?? "—"}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- 诉求 Customer's request: {detail.Fields.CustomerRequest ?? "—"}");
        md.AppendLine();
        md.AppendLine("## 升级原因 Why the class was raised");
        var raises = detail.Audit.Where(a => a.Action == "case.classified").ToList();
        if (raises.Count == 0) md.AppendLine("- —");
        foreach (var raise in raises) md.AppendLine(CultureInfo.InvariantCulture, $"- {Local(raise.At)} {raise.Actor}: {Field(raise.Detail, "reason") ?? Field(raise.Detail, "toClass")}");
        md.AppendLine();
        md.AppendLine("## 时限 Deadlines");
        foreach (var d in detail.Deadlines) md.AppendLine(CultureInfo.InvariantCulture, $"- {d.Kind}: due {Local(d.DueAt)} — {d.State}{(d.ClosedAt is { } closed ? $" ({Local(closed)})" : "")}; {d.Rule}");
        md.AppendLine();
        md.AppendLine("## 经过 What happened (timeline)");
        foreach (var message in detail.Messages.Where(m => m.Direction is "inbound" or "outbound" or "internal"))
            md.AppendLine(CultureInfo.InvariantCulture, $"- {Local(message.CreatedAt)} [{message.Direction}, {message.Channel}] {OneLine(message.BodyText)}");
        foreach (var step in detail.Audit.Where(a => a.Action is "case.forwarded" or "case.answered" or "case.resolved" or "case.reopened" or "deadline.breached"))
            md.AppendLine(CultureInfo.InvariantCulture, $"- {Local(step.At)} {step.Actor}: {step.Action}");
        md.AppendLine();
        md.AppendLine("## 处理情况 How it was handled");
        md.AppendLine("_(to be written)_");
        if (major)
        {
            md.AppendLine();
            md.AppendLine("## 事态扩大原因 Why it worsened");
            md.AppendLine("_(to be written)_");
            md.AppendLine();
            md.AppendLine("## 预防措施 Prevention");
            md.AppendLine("_(to be written)_");
        }
        return md.ToString();
    }

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private static string? Field(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
