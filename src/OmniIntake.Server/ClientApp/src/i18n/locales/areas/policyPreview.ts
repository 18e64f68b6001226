// The policy preview (issue 14): the deadlines the policy gives a complaint received at a chosen time, rules in words.
export default {
  "zh-CN": {
    policyPreview: {
      title: "时限政策预览",
      intro: "选择受理渠道和受理时间（按本机构时区 {zone}），查看政策给出的各项处理时限。",
      channel: "受理渠道",
      date: "受理日期",
      time: "受理时间",
      show: "查看时限",
      working: "该时间属于工作时间。",
      offHours: "该时间不属于工作时间（下班后、周末或节假日）。",
      kind: "时限",
      due: "截止时间",
      rule: "规则",
      assumption: "前提",
      assumes: { answer: "假设在转交时限截止时转交", major: "假设案件被定为重大投诉" },
      failed: "无法计算时限，请检查所选时间。",
    },
  },
  en: {
    policyPreview: {
      title: "Policy preview",
      intro: "Choose a channel and when a complaint is received (in the organisation's zone, {zone}) to see the deadlines the policy gives it.",
      channel: "Channel",
      date: "Date received",
      time: "Time received",
      show: "Show deadlines",
      working: "This is within working hours.",
      offHours: "This is outside working hours (after work, a weekend or a holiday).",
      kind: "Deadline",
      due: "Due",
      rule: "Rule",
      assumption: "Assuming",
      assumes: { answer: "it is forwarded at the forwarding deadline", major: "the case is classified major" },
      failed: "The deadlines could not be computed; check the time chosen.",
    },
  },
};
