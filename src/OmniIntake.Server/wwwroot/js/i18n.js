"use strict";
// The console's words in zh-CN and en; the choice is kept in the browser (localStorage).
const I18N = {
  "zh-CN": {
    title: "OmniIntake 客服控制台", policyLink: "时限与日历", boardLink: "看板", ownerLink: "部门处理", channelsLink: "渠道", adminLink: "管理", notify: "新案件提醒", searchPlaceholder: "搜索: 编号、电话、邮箱、内容",
    allChannels: "全部渠道", allClasses: "全部等级", allDepartments: "全部部门", everyone: "全部", mine: "我的", unassigned: "未认领",
    shortcuts: "快捷键: j/k 上下 · c 认领 · r 回复 · n 备注 · e 办结 · / 搜索", select: "选择一个案件。", online: "在线", offline: "离线，正在重连…",
    caughtUp: "已同步到", claim: "认领", release: "释放", claimedBy: "认领人", reply: "回复客户", send: "发送", note: "内部备注", addNote: "添加备注",
    forward: "转交责任部门", forwardBtn: "转交", resolve: "办结", reopen: "重新打开", close: "结案", classify: "分级", classifyBtn: "保存分级",
    reason: "原因", merge: "合并到", mergeBtn: "合并", complainant: "添加投诉人", addComplainant: "添加", deadlines: "时限", audit: "审计记录",
    timeline: "往来记录", quoted: "引用的历史", html: "显示邮件原文 (HTML)", optedOut: "已退订短信，短信回复不会发出", newCase: "新案件",
    noDepartment: "还没有部门", takeOver: "接管", met: "已转交", breached: "超时", name: "姓名", phone: "电话", email: "邮箱",
    "notice.html-too-complex": "邮件 HTML 过于复杂，仅显示文字", "notice.header-too-long": "邮件头过长，已截断（原始邮件已保留）", "notice.charset-detected": "邮件声明的字符集有误，已按内容识别",
    "notice.undecodable-bytes": "部分字节无法解码，已尽量保留",
  },
  en: {
    title: "OmniIntake agent console", policyLink: "Policy & calendar", boardLink: "Board", ownerLink: "Owners", channelsLink: "Channels", adminLink: "Admin", notify: "Notify me of new cases", searchPlaceholder: "Search: number, phone, e-mail, text",
    allChannels: "All channels", allClasses: "All classes", allDepartments: "All departments", everyone: "Everyone", mine: "Mine", unassigned: "Unassigned",
    shortcuts: "Shortcuts: j/k move · c claim · r reply · n note · e resolve · / search", select: "Select a case.", online: "online", offline: "offline, reconnecting…",
    caughtUp: "caught up to", claim: "Claim", release: "Release", claimedBy: "claimed by", reply: "Reply to the customer", send: "Send", note: "Internal note",
    addNote: "Add note", forward: "Forward to the responsible department", forwardBtn: "Forward", resolve: "Resolve", reopen: "Reopen", close: "Close",
    classify: "Class", classifyBtn: "Save class", reason: "Reason", merge: "Merge into", mergeBtn: "Merge", complainant: "Add a complainant",
    addComplainant: "Add", deadlines: "Deadlines", audit: "Audit trail", timeline: "Conversation", quoted: "Quoted history", html: "Show the e-mail as sent (HTML)",
    optedOut: "opted out of SMS: SMS replies will not be sent", newCase: "New case", noDepartment: "No departments yet", takeOver: "Take over",
    met: "forwarded", breached: "breached", name: "Name", phone: "Phone", email: "E-mail",
    "notice.html-too-complex": "HTML too complex, shown as text", "notice.header-too-long": "A mail header was too long and was cut (the original is kept)", "notice.charset-detected": "Wrong charset label; the text was decoded by detecting it",
    "notice.undecodable-bytes": "Some bytes could not be decoded; kept as readable as possible",
  },
};
let lang = localStorage.getItem("omniintake.lang") || (navigator.language.startsWith("zh") ? "zh-CN" : "en");
function t(key) { return (I18N[lang] && I18N[lang][key]) || I18N["zh-CN"][key] || key; }
function translatePage() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll("[data-tp]")) el.placeholder = t(el.dataset.tp);
  const toggle = document.getElementById("lang");
  if (toggle) toggle.textContent = lang === "en" ? "中文" : "English";
}
