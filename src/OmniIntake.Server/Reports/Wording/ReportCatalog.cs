namespace OmniIntake.Server.Reports.Wording;

/// <summary>
/// The report's words in zh-CN and en: the same keys in both (ReportWordingTests checks it). The code names mirror the
/// workspace's catalogs (ClientApp/src/i18n/locales/zh-CN.ts, en.ts), so a report and the screen name a status alike.
/// </summary>
public static class ReportCatalog
{
    public static readonly IReadOnlyDictionary<string, string> ChineseLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["csv.section"] = "栏目", ["csv.key"] = "项目", ["csv.value"] = "数值",
        ["section.period"] = "报告期间", ["section.total"] = "合计", ["section.category"] = "投诉类别", ["section.channel"] = "受理渠道",
        ["section.class"] = "投诉级别", ["section.department"] = "责任部门", ["section.indicator"] = "指标", ["section.case"] = "分级案件",
        ["period.from"] = "开始日期", ["period.to"] = "结束日期", ["total.cases"] = "案件数",
        ["indicator.onTime"] = "转交及时率", ["indicator.delay"] = "转交延误率", ["indicator.redispatch"] = "改派率",
        ["indicator.repeat"] = "重复投诉率", ["indicator.closure"] = "结案率", ["indicator.satisfaction"] = "客户满意度（1-5）",
        ["indicator.forwardsMet"] = "按时转交", ["indicator.forwardsBreached"] = "超时转交", ["indicator.forwardsPending"] = "待转交",
        ["sheet.summary"] = "汇总", ["sheet.category"] = "按类别", ["sheet.channel"] = "按渠道", ["sheet.class"] = "按级别", ["sheet.department"] = "按部门",
        ["sheet.cases"] = "分级案件",
        ["column.item"] = "项目", ["column.value"] = "数值", ["column.cases"] = "案件数", ["column.category"] = "投诉类别", ["column.channel"] = "受理渠道",
        ["column.class"] = "投诉级别", ["column.department"] = "责任部门", ["column.number"] = "案件编号", ["column.status"] = "状态",
        ["column.received"] = "受理时间", ["column.subject"] = "主题",
        ["none.category"] = "未分类", ["none.department"] = "尚未转交",
    };

    public static readonly IReadOnlyDictionary<string, string> EnglishLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["csv.section"] = "Section", ["csv.key"] = "Item", ["csv.value"] = "Value",
        ["section.period"] = "Period", ["section.total"] = "Total", ["section.category"] = "Category", ["section.channel"] = "Channel",
        ["section.class"] = "Class", ["section.department"] = "Department", ["section.indicator"] = "Indicator", ["section.case"] = "Classified case",
        ["period.from"] = "From", ["period.to"] = "To", ["total.cases"] = "Cases",
        ["indicator.onTime"] = "On-time forwarding rate", ["indicator.delay"] = "Delay rate", ["indicator.redispatch"] = "Re-dispatch rate",
        ["indicator.repeat"] = "Repeat-complaint rate", ["indicator.closure"] = "Closure rate", ["indicator.satisfaction"] = "Satisfaction (1-5)",
        ["indicator.forwardsMet"] = "Forwarded on time", ["indicator.forwardsBreached"] = "Forwarded late", ["indicator.forwardsPending"] = "Waiting to be forwarded",
        ["sheet.summary"] = "Summary", ["sheet.category"] = "By category", ["sheet.channel"] = "By channel", ["sheet.class"] = "By class",
        ["sheet.department"] = "By department", ["sheet.cases"] = "Classified cases",
        ["column.item"] = "Item", ["column.value"] = "Value", ["column.cases"] = "Cases", ["column.category"] = "Category", ["column.channel"] = "Channel",
        ["column.class"] = "Class", ["column.department"] = "Department", ["column.number"] = "Case number", ["column.status"] = "Status",
        ["column.received"] = "Received", ["column.subject"] = "Subject",
        ["none.category"] = "Uncategorised", ["none.department"] = "Not forwarded yet",
    };

    public static readonly IReadOnlyDictionary<string, string> ChineseCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["status.received"] = "已受理", ["status.forwarded"] = "已转交", ["status.answered"] = "部门已答复", ["status.resolved"] = "已解决",
        ["status.closed"] = "已关闭", ["status.withdrawn"] = "已撤回", ["status.merged"] = "已合并",
        ["channel.email"] = "电子邮件", ["channel.sms"] = "短信", ["channel.chat"] = "网页在线咨询", ["channel.forum"] = "论坛", ["channel.phone"] = "电话",
        ["channel.walkin"] = "现场来访", ["channel.letter"] = "信件", ["channel.api"] = "系统接入",
        ["class.general"] = "一般", ["class.important"] = "重要", ["class.hot"] = "热点", ["class.major"] = "重大",
    };

    public static readonly IReadOnlyDictionary<string, string> EnglishCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["status.received"] = "Received", ["status.forwarded"] = "Forwarded", ["status.answered"] = "Department answered", ["status.resolved"] = "Resolved",
        ["status.closed"] = "Closed", ["status.withdrawn"] = "Withdrawn", ["status.merged"] = "Merged",
        ["channel.email"] = "E-mail", ["channel.sms"] = "SMS", ["channel.chat"] = "Web chat", ["channel.forum"] = "Forum", ["channel.phone"] = "Phone",
        ["channel.walkin"] = "Walk-in", ["channel.letter"] = "Letter", ["channel.api"] = "System integration",
        ["class.general"] = "General", ["class.important"] = "Important", ["class.hot"] = "Hot", ["class.major"] = "Major",
    };
}
