// The workspace in Chinese (the organisation's first language). Every key here exists in en.ts too (checked by a test).
export default {
  app: { name: "OmniIntake 投诉受理", skip: "跳到主要内容", loading: "正在加载…", language: "语言" },
  nav: { queue: "受理队列", owner: "本部门投诉", board: "监控看板", admin: "系统管理", policy: "时限政策", channels: "渠道", label: "主导航" },
  auth: {
    signIn: "登录", signOut: "退出登录", username: "用户名", password: "密码", signedInAs: "已登录：{name}",
    refused: "用户名或密码错误。", locked: "登录失败次数过多，请稍后再试。", failed: "登录失败（{status}）。",
    setupHint: "还没有账号？首个管理员请在设置页面创建。", setup: "设置页面",
  },
  roles: { agent: "客服专员", owner: "部门投诉负责人", supervisor: "客服中心主管", admin: "管理员" },
  refused: {
    title: "无权访问此页面",
    body: "您的角色（{roles}）不能打开“{page}”。如需访问，请联系管理员。",
    home: "返回我的工作台",
  },
  live: { connecting: "正在连接…", live: "实时", offline: "连接中断，正在重连…" },
  queue: {
    title: "受理队列", empty: "暂无待处理的投诉。", search: "搜索编号、姓名、电话", sortDeadline: "按时限排序", sortNewest: "按时间排序",
    count: "没有案件 | 1 件案件 | {n} 件案件", unread: "客户有新消息", answered: "部门已答复",
  },
  status: {
    received: "已受理", forwarded: "已转交", answered: "部门已答复", resolved: "已解决", closed: "已关闭", withdrawn: "已撤回", merged: "已合并",
  },
  channel: { email: "电子邮件", sms: "短信", chat: "网页在线咨询", forum: "论坛", phone: "电话", walkin: "现场来访", letter: "信件", api: "系统接入" },
  class: { general: "一般", important: "重要", hot: "热点", major: "重大" },
  facts: {
    title: "投诉信息", complainant: "投诉人", phone: "电话", email: "电子邮件", chat: "在线会话", occurredAt: "发生时间", location: "发生地点",
    request: "客人要求", category: "投诉类别", class: "投诉级别", department: "责任部门", channel: "受理渠道", receivedAt: "受理时间",
    missing: "未提供", noDepartment: "尚未转交", anonymous: "匿名",
  },
  conversation: {
    title: "沟通记录", customer: "客户", agent: "客服", owner: "部门负责人", note: "内部备注", ownerHelp: "部门求助", ownerAnswer: "部门书面答复",
    bot: "智能助手", dialog: "引导对话", empty: "暂无消息。", delivery: { queued: "待发送", sent: "已发送", retrying: "重试中", failed: "发送失败" },
  },
  deadline: {
    title: "处理时限", left: "剩余 {time}", overdue: "已超时 {time}", met: "已按时完成", breached: "已超时", cancelled: "已取消", atRisk: "即将超时",
    kind: { forward: "转交时限", ownerAnswer: "部门书面答复时限", publicReply: "论坛公开回复时限", majorFirstAnswer: "重大投诉首次答复时限" },
    due: "截止 {at}",
  },
  rule: {
    dayOff: "政策 5.2.2：非工作日（周末或节假日）收到，须当天转交",
    forumWorkingHours: "政策 5.2.2：工作时间内的论坛帖子，须在 {window}内转交",
    workingHours: "政策 5.2.2：工作时间内收到，须在 {window}内转交",
    offHours: "政策 5.2.2：工作日非工作时间收到，须在上班（{start}）后 {window}内转交",
    ownerAnswer: "政策 5.2.5：部门须在转交后 {span}内书面答复",
    publicReply: "政策 5.3.1：论坛投诉须在转交后 {span}内公开回复",
    customAnswer: "{source}：转交后 {span}内答复",
    majorFirstAnswer: "政策 4.1.2：重大投诉须在受理后 {window}内首次答复客户",
    fixedForward: "固定时限：受理后 {window}内转交",
    fixedAnswer: "固定时限：转交后 {window}内答复",
    fixedFirstAnswer: "固定时限：受理后 {window}内首次答复",
    unknown: "时限规则（服务器未提供说明代码）",
  },
  duration: {
    minutes: "{n} 分钟", hours: "{n} 小时", days: "{n} 天", workingHours: "{n} 个工作小时", workingDays: "{n} 个工作日",
  },
  reply: {
    label: "回复客户", placeholder: "输入回复内容，Ctrl+Enter 发送", send: "发送", sending: "正在发送…", note: "添加内部备注",
    draftKept: "草稿已自动保存", sent: "回复已进入发送队列。", noted: "备注已添加。",
  },
  resolve: {
    action: "标记为已解决", title: "标记为已解决", label: "处理结果说明（必填）", confirm: "确认解决", cancel: "取消",
    required: "请填写处理结果说明。", done: "案件已标记为已解决。",
  },
  caseView: { select: "请从左侧队列选择一个案件。", notFound: "找不到该案件。", loadFailed: "无法加载案件：{reason}" },
  error: { generic: "操作失败：{reason}", network: "网络错误，请检查连接。" },
  placeholder: { title: "{page}", body: "该页面正在迁移到新工作台，可暂时使用原页面：", open: "打开原页面" },
};
