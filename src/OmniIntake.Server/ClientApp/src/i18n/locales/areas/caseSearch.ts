// Search from the queue (issue 15 item 1).
export default {
  "zh-CN": {
    caseSearch: {
      label: "搜索全部案件", placeholder: "编号、电话、姓名或内容", filters: "筛选", any: "不限", status: "状态", channel: "渠道",
      class: "级别", category: "类别", department: "责任部门", from: "受理日期自", to: "受理日期至", results: "搜索结果",
      searching: "正在搜索…", none: "没有找到符合条件的案件。", count: "找到 1 件 | 找到 {n} 件", clear: "清除搜索", more: "加载更多",
      tooShort: "请至少输入两个字符。", matched: "匹配：{where}", failed: "搜索失败：{reason}",
      on: { number: "案件编号", phone: "电话", email: "电子邮件", case: "投诉信息", message: "沟通内容" },
      problem: {
        "query-length": "搜索内容须为 2 至 200 个字符。", status: "状态无效。", channel: "渠道无效。", class: "级别无效。",
        sort: "排序方式无效。", page: "结果太多，请缩小搜索范围。", "page-size": "每页数量无效。", "date-range": "结束日期早于开始日期。",
        "no-department": "您的账号尚未设置所属部门，请联系管理员。",
      },
    },
  },
  en: {
    caseSearch: {
      label: "Search all cases", placeholder: "Number, phone, name or text", filters: "Filters", any: "Any", status: "Status", channel: "Channel",
      class: "Class", category: "Category", department: "Department", from: "Received from", to: "Received until", results: "Search results",
      searching: "Searching…", none: "No case matches.", count: "1 case found | {n} cases found", clear: "Clear search", more: "Load more",
      tooShort: "Type at least two characters.", matched: "Matched: {where}", failed: "The search failed: {reason}",
      on: { number: "case number", phone: "phone", email: "e-mail", case: "case details", message: "messages" },
      problem: {
        "query-length": "The search must be 2 to 200 characters.", status: "Invalid status.", channel: "Invalid channel.", class: "Invalid class.",
        sort: "Invalid sort.", page: "Too many results: narrow the search.", "page-size": "Invalid page size.", "date-range": "The end date is before the start date.",
        "no-department": "Your account has no department yet; ask an admin.",
      },
    },
  },
};
