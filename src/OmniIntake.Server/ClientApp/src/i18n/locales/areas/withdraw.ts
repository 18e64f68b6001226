// Withdrawing a complaint in the case view (issue 13: Case.Withdraw; the policy wants it checked as voluntary first).
export default {
  "zh-CN": {
    withdraw: {
      action: "撤回投诉",
      title: "撤回投诉",
      reasonLabel: "撤回原因（投诉人所述）",
      voluntary: "已向投诉人核实：撤回出于自愿",
      effect: "撤回后本投诉的全部时限取消，不再向投诉人发送答复。",
      required: "请填写撤回原因。",
      unchecked: "请先向投诉人核实撤回出于自愿。",
      cancel: "取消",
      confirm: "确认撤回",
      done: "投诉已撤回",
      noReply: "此投诉已撤回，不再向投诉人发送答复；仍可添加内部备注。",
    },
  },
  en: {
    withdraw: {
      action: "Withdraw complaint",
      title: "Withdraw the complaint",
      reasonLabel: "Reason for withdrawing (as the complainant gave it)",
      voluntary: "Checked with the complainant: the withdrawal is voluntary",
      effect: "Once withdrawn, every deadline of this complaint is cancelled and no more replies are sent to the complainant.",
      required: "Give the reason for withdrawing.",
      unchecked: "First check with the complainant that the withdrawal is voluntary.",
      cancel: "Cancel",
      confirm: "Withdraw",
      done: "The complaint was withdrawn",
      noReply: "This complaint was withdrawn: no more replies go to the complainant. Internal notes can still be added.",
    },
  },
};
