// Canned replies (issue 15 item 4).
export default {
  "zh-CN": {
    canned: {
      nav: "常用回复", title: "常用回复", intro: "在回复框中输入“::”即可插入常用回复；变量在插入时按当前案件填写。",
      sharedList: "共享常用回复（主管维护）", personalList: "我的常用回复", empty: "暂无。", new: "新建常用回复", editing: "修改 ::{shortcut}",
      shortcut: "快捷词", shortcutHint: "字母、数字或汉字，不含空格", titleLabel: "标题", language: "语言", text: "内容",
      variables: "可用变量：", sharedLabel: "共享给所有客服", save: "保存", edit: "修改", delete: "删除", confirmDelete: "确认删除", cancel: "取消",
      saved: "已保存 ::{shortcut}。", failed: "操作失败：{reason}", shared: "共享", personal: "个人",
      pickerLabel: "常用回复", noMatch: "没有匹配的常用回复。", renderFailed: "无法按案件填写变量，已插入原文：{reason}",
      missing: "以下变量没有值，已用通用称呼代替，请检查：{names}",
      length: "{n} 字", segments: "短信 {n} 条（{encoding} 编码，每条 {per} 字）",
      problem: {
        "canned.shortcut": "快捷词须为 1 至 40 个字母、数字或汉字，不含空格。", "canned.title": "请填写标题（不超过 100 字）。",
        "canned.language": "语言无效。", "canned.text": "请填写内容（不超过 4000 字）。", "canned.unknown-variable": "内容中有未知的变量。",
        "canned.shared-supervisors": "只有主管可以维护共享常用回复。", "canned.shortcut-taken": "该快捷词在此语言中已被使用。",
        "canned.not-found": "找不到该常用回复，或您无权修改。", "canned.shared-fixed": "共享与个人常用回复不能互相转换，请新建。",
        "canned.case-not-found": "找不到该案件。",
      },
    },
  },
  en: {
    canned: {
      nav: "Canned replies", title: "Canned replies", intro: "Type “::” in the reply box to insert one; its variables are filled for the case at hand.",
      sharedList: "Shared replies (kept by supervisors)", personalList: "My replies", empty: "None yet.", new: "New canned reply", editing: "Editing ::{shortcut}",
      shortcut: "Shortcut", shortcutHint: "letters, digits or Chinese, no spaces", titleLabel: "Title", language: "Language", text: "Text",
      variables: "Variables:", sharedLabel: "Share with every agent", save: "Save", edit: "Edit", delete: "Delete", confirmDelete: "Confirm delete", cancel: "Cancel",
      saved: "Saved ::{shortcut}.", failed: "The action failed: {reason}", shared: "shared", personal: "mine",
      pickerLabel: "Canned replies", noMatch: "No canned reply matches.", renderFailed: "The variables could not be filled; the text was inserted as written: {reason}",
      missing: "These variables had no value and got a neutral word; check them: {names}",
      length: "{n} characters", segments: "{n} SMS ({encoding}, {per} characters each)",
      problem: {
        "canned.shortcut": "The shortcut is 1 to 40 letters, digits or Chinese characters, without spaces.", "canned.title": "Give a title (at most 100 characters).",
        "canned.language": "Invalid language.", "canned.text": "Give the text (at most 4000 characters).", "canned.unknown-variable": "The text uses an unknown variable.",
        "canned.shared-supervisors": "Only supervisors keep shared replies.", "canned.shortcut-taken": "This shortcut is taken in this language.",
        "canned.not-found": "No such canned reply, or it is not yours to change.", "canned.shared-fixed": "A reply stays shared or personal; create a new one.",
        "canned.case-not-found": "No such case.",
      },
    },
  },
};
