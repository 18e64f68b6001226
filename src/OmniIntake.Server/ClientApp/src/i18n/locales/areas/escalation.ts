// Escalation on breach and at risk (issue 13 item 5): what a rule did on the case, said from its fields.
export default {
  "zh-CN": {
    escalation: {
      title: "升级记录",
      line: "已升级：{clock}{phase}",
      phase: { atRisk: "即将超时", breach: "已超时" },
      notified: "已通知主管",
      raised: "类别由“{from}”升为“{to}”",
      assigned: "已指派给主管 {who}",
      refused: {
        "supervisor-unknown": "未能指派给 {who}：没有这个用户",
        "not-a-supervisor": "未能指派给 {who}：该用户不是主管",
        "supervisor-inactive": "未能指派给 {who}：该账号已停用",
        other: "未能指派给 {who}",
      },
      raiseKept: "类别未变（已不是一般投诉，或由人工设定）",
      rule: "规则：{clock}{phase}时{actions}",
      actions: { notify: "通知主管", raise: "将一般投诉升为重要", assign: "指派给主管 {who}", none: "仅记录" },
      separator: "；",
      listSeparator: "、",
    },
  },
  en: {
    escalation: {
      title: "Escalations",
      line: "Escalated: {clock} {phase}",
      phase: { atRisk: "at risk", breach: "breached" },
      notified: "supervisors notified",
      raised: "class raised from “{from}” to “{to}”",
      assigned: "assigned to supervisor {who}",
      refused: {
        "supervisor-unknown": "not assigned to {who}: there is no such user",
        "not-a-supervisor": "not assigned to {who}: not a supervisor",
        "supervisor-inactive": "not assigned to {who}: the account is switched off",
        other: "not assigned to {who}",
      },
      raiseKept: "class unchanged (no longer general, or set by a person)",
      rule: "Rule: {clock} {phase}: {actions}",
      actions: { notify: "notify supervisors", raise: "raise general to important", assign: "assign to supervisor {who}", none: "record only" },
      separator: "; ",
      listSeparator: ", ",
    },
  },
};
