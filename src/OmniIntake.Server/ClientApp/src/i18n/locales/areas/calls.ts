// Registering a call, a visit or a letter (issue 15 item 3).
export default {
  "zh-CN": {
    calls: {
      nav: "登记来电", title: "登记来电、来访或来信", channel: "受理渠道", name: "投诉人姓名", namePlaceholder: "可匿名",
      phone: "联系电话", email: "电子邮件", received: "受理时间", receivedLetter: "来信日期（收到信件的时间）", receivedRequired: "请填写受理时间。",
      when: "发生时间", whenPlaceholder: "例如：昨天下午三点", where: "发生地点", what: "事件经过（必填）", request: "客人要求",
      category: "投诉类别", noCategory: "暂不分类", submit: "登记", submitAdd: "补充到该案件", registering: "正在登记…",
      registered: "已登记：{number}", threaded: "已补充到案件 {number}", forwardDue: "转交时限：{at} 前", noForwardDue: "该案件已转交，无转交时限。",
      open: "打开案件 {number}", another: "继续登记下一件", failed: "登记失败：{reason}",
      history: "来电人的历史案件", historyHint: "输入电话后，这里显示来电人以往的案件。", unknownCaller: "该号码没有以往的案件。",
      openCases: "未办结的案件（{n}）", earlierCases: "以往的案件（{n}）", addToCase: "补充到此案件", addingTo: "本次来电将补充到案件 {number}。",
      asNewCase: "改为登记新案件",
      problem: {
        register: {
          "text-required": "请填写事件经过。", phone: "电话号码无效，请检查。", email: "电子邮件地址无效，请检查。", category: "该投诉类别不存在。",
          channel: "受理渠道无效。", invalid: "登记内容超出长度限制，请精简。", "idempotency-key": "页面出错，请刷新后重试。",
          "case-not-found": "要补充的案件不存在。", "case-not-open": "该案件已办结，请登记为新案件。",
        },
      },
    },
  },
  en: {
    calls: {
      nav: "Register a call", title: "Register a call, a visit or a letter", channel: "Channel", name: "Complainant's name", namePlaceholder: "may stay anonymous",
      phone: "Phone", email: "E-mail", received: "Received at", receivedLetter: "Letter received on", receivedRequired: "Give the time it was received.",
      when: "When it happened", whenPlaceholder: "e.g. yesterday at 3 pm", where: "Where", what: "What happened (required)", request: "What they ask for",
      category: "Category", noCategory: "Not yet", submit: "Register", submitAdd: "Add to this case", registering: "Registering…",
      registered: "Registered: {number}", threaded: "Added to case {number}", forwardDue: "Forward by {at}", noForwardDue: "This case was forwarded already: no forwarding deadline.",
      open: "Open case {number}", another: "Register another", failed: "The registration failed: {reason}",
      history: "The caller's cases", historyHint: "Type the phone to see the caller's earlier cases here.", unknownCaller: "No earlier case from this number.",
      openCases: "Open cases ({n})", earlierCases: "Earlier cases ({n})", addToCase: "Add to this case", addingTo: "This call will be added to case {number}.",
      asNewCase: "Register as a new case instead",
      problem: {
        register: {
          "text-required": "Say what happened.", phone: "This phone number is not valid.", email: "This e-mail address is not valid.", category: "This category does not exist.",
          channel: "Invalid channel.", invalid: "Something is too long; shorten it.", "idempotency-key": "The page failed; reload and try again.",
          "case-not-found": "The case to add to does not exist.", "case-not-open": "That case is closed: register a new case.",
        },
      },
    },
  },
};
