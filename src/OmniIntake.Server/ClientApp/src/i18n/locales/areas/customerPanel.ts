// The customer panel beside a case (issue 15 item 2).
export default {
  "zh-CN": {
    customerPanel: {
      title: "客户档案", noName: "未留姓名", loadFailed: "无法加载客户档案：{reason}", failed: "操作失败：{reason}",
      repeatComplainant: "重复投诉", repeat: "处理后再次投诉", repeatHint: "此前的投诉已处理（已解决或已关闭）后再次投诉（政策 5.5：重要）",
      current: "（当前案件）", cases: "历史案件 {n} 件，未办结 {open} 件", moreCases: "仅显示最近 200 件。",
      resolvedAt: "{at} 解决", closedAt: "{at} 关闭", solved: "客户确认已解决", notSolved: "客户表示未解决", satisfaction: "满意度 {n}/5",
      handle: { phone: "电话", email: "电子邮件", chat: "在线会话", forum: "论坛", anonymous: "匿名", wechat: "微信" },
      links: "关联的联系人", noLinks: "尚未关联其他联系人。", link: "关联同一客户的其他联系人",
      linkedBy: "{who} 于 {at} 关联（{reason}）", unlinkedBy: "{who} 于 {at} 解除关联（原因：{reason}）",
      unlink: "解除关联", confirmUnlink: "确认解除", cancel: "取消",
      findLabel: "按电话或电子邮件查找联系人", findPlaceholder: "例如 138 1234 5678", find: "查找", noneFound: "没有找到其他联系人。",
      reason: "关联原因（必填）", reasonPlaceholder: "例如：来信署名与来电一致", reasonRequired: "请填写关联原因。",
      confirmText: "确认“{name}”（{number}）与本案客户是同一人？此操作会记录在案。", confirmLink: "确认关联",
      problem: {
        "contacts.already-linked": "这两个联系人已经关联为同一客户。", "contacts.link-self": "不能把联系人关联到自己。",
        "contacts.link-reason": "请填写关联原因（不超过 500 字）。", "contacts.not-found": "找不到该联系人。",
        "contacts.link-undone": "该关联已经解除。", "contacts.link-not-found": "找不到该关联。",
      },
    },
  },
  en: {
    customerPanel: {
      title: "Customer", noName: "No name given", loadFailed: "The customer could not be loaded: {reason}", failed: "The action failed: {reason}",
      repeatComplainant: "Repeat complainant", repeat: "Again after handling", repeatHint: "Complained again after an earlier case was resolved or closed (policy 5.5: important)",
      current: "(this case)", cases: "{n} cases, {open} open", moreCases: "Only the latest 200 are shown.",
      resolvedAt: "resolved {at}", closedAt: "closed {at}", solved: "customer says solved", notSolved: "customer says not solved", satisfaction: "satisfaction {n}/5",
      handle: { phone: "Phone", email: "E-mail", chat: "Chat", forum: "Forum", anonymous: "Anonymous", wechat: "WeChat" },
      links: "Linked contacts", noLinks: "No other contact linked.", link: "Link another contact of this customer",
      linkedBy: "linked by {who} on {at} ({reason})", unlinkedBy: "unlinked by {who} on {at} (reason was: {reason})",
      unlink: "Unlink", confirmUnlink: "Confirm unlink", cancel: "Cancel",
      findLabel: "Find a contact by phone or e-mail", findPlaceholder: "e.g. 138 1234 5678", find: "Find", noneFound: "No other contact found.",
      reason: "Why (required)", reasonPlaceholder: "e.g. the letter is signed as the caller", reasonRequired: "Give a reason for the link.",
      confirmText: "Is “{name}” ({number}) the same person as this case's customer? The link is audited.", confirmLink: "Confirm link",
      problem: {
        "contacts.already-linked": "These contacts are already one customer.", "contacts.link-self": "A contact cannot be linked to itself.",
        "contacts.link-reason": "Give a reason (at most 500 characters).", "contacts.not-found": "No such contact.",
        "contacts.link-undone": "This link was already undone.", "contacts.link-not-found": "No such link.",
      },
    },
  },
};
