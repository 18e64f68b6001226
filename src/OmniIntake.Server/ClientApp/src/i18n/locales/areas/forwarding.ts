// The agent's forward action (issue 14): the department the category maps to is preselected; afterwards the case says where it went.
export default {
  "zh-CN": {
    forwarding: {
      title: "转交责任部门",
      department: "责任部门",
      choose: "请选择部门",
      mapped: "按投诉类别“{category}”预选",
      note: "转交说明（可选）",
      submit: "转交",
      done: "已转交至{department}。",
      required: "请选择要转交的部门。",
      failed: "转交失败，请稍后重试。",
      conflict: "案件状态已变化，无法转交，请刷新后再试。",
    },
  },
  en: {
    forwarding: {
      title: "Forward to the responsible department",
      department: "Department",
      choose: "Choose a department",
      mapped: "Preselected for the category “{category}”",
      note: "Note for the department (optional)",
      submit: "Forward",
      done: "Forwarded to {department}.",
      required: "Choose the department to forward to.",
      failed: "Not forwarded; please try again later.",
      conflict: "The case changed meanwhile and cannot be forwarded; reload and try again.",
    },
  },
};
