// Macros (issue 15 item 7): defined by supervisors, applied by agents from the case view.
export default {
  "zh-CN": {
    macros: {
      nav: "宏", title: "宏", intro: "一个宏一次对案件执行多个动作，按顺序逐个执行，每个动作与单独操作相同（同样的权限检查和审计记录）。",
      readOnly: "宏由主管维护；您可以在案件页面应用。", list: "共享的宏", empty: "暂无宏。", new: "新建宏", editing: "修改宏“{name}”",
      nameZh: "中文名称", nameEn: "英文名称", steps: "动作（按顺序执行）", addStep: "添加动作", step: "第{n}步",
      choose: "请选择", moveUp: "上移", moveDown: "下移", remove: "移除", save: "保存", cancel: "取消", edit: "修改", delete: "删除",
      confirmDelete: "确认删除", saved: "已保存宏“{name}”。", failed: "操作失败：{reason}",
      kind: {
        reply: "用常用回复答复客户", category: "设置分类", class: "设置级别", forward: "转交部门", pause: "暂停计时", resolve: "解决案件",
      },
      field: {
        reply: "共享常用回复", category: "分类", class: "级别", department: "部门", forwardNote: "转交附言（可选）",
        waitingFor: "等待", pauseReason: "等待原因", resolveNote: "解决说明", customer: "等待客户", expertise: "等待外部专业意见",
      },
      local: {
        name: "请填写中文名称和英文名称。", noSteps: "请至少添加一个动作。", incomplete: "第{step}步未填写完整。",
        order: "暂停或解决必须是最后一步。", twice: "第{step}步的动作在前面已有。",
      },
      menu: {
        open: "应用宏", label: "可应用的宏", none: "还没有宏，请主管在“宏”页面定义。", loadFailed: "无法读取宏：{reason}",
        previewTitle: "执行宏“{name}”", willDo: "将按顺序执行：", reply: "答复客户：", category: "将分类设为“{name}”",
        class: "将级别设为“{name}”", forward: "转交至“{department}”", forwardNote: "附言：{note}", pause: "暂停计时，{what}：{reason}",
        resolve: "解决案件，说明：{note}", missing: "以下变量没有值，已用通用称呼代替：{names}",
        confirmForward: "我确认将此案件转交至“{department}”", confirmResolve: "我确认解决此案件",
        apply: "执行", applying: "正在执行…", cancel: "取消", done: "已执行宏“{name}”。",
        stopped: "宏在第{step}步（{kind}）被拒绝：{reason}", kept: "此前的步骤已生效：{steps}。", keptNone: "没有任何步骤生效。",
      },
    },
  },
  en: {
    macros: {
      nav: "Macros", title: "Macros", intro: "A macro applies several actions to a case in one click, one after the other, each exactly as its single action (same permission checks, same audit entries).",
      readOnly: "Supervisors keep the macros; apply them from a case.", list: "Shared macros", empty: "No macros yet.", new: "New macro", editing: "Editing macro “{name}”",
      nameZh: "Chinese name", nameEn: "English name", steps: "Actions (applied in order)", addStep: "Add action", step: "Step {n}",
      choose: "Choose", moveUp: "Move up", moveDown: "Move down", remove: "Remove", save: "Save", cancel: "Cancel", edit: "Edit", delete: "Delete",
      confirmDelete: "Confirm delete", saved: "Saved macro “{name}”.", failed: "The action failed: {reason}",
      kind: {
        reply: "Reply with a canned reply", category: "Set the category", class: "Set the class", forward: "Forward to a department", pause: "Pause the clocks", resolve: "Resolve the case",
      },
      field: {
        reply: "Shared canned reply", category: "Category", class: "Class", department: "Department", forwardNote: "Note to the department (optional)",
        waitingFor: "Waiting for", pauseReason: "What it waits for", resolveNote: "Resolution note", customer: "the customer", expertise: "outside expertise",
      },
      local: {
        name: "Give a Chinese and an English name.", noSteps: "Add at least one action.", incomplete: "Step {step} is not complete.",
        order: "Pausing or resolving must be the last step.", twice: "Step {step} repeats an earlier action.",
      },
      menu: {
        open: "Apply macro", label: "Macros to apply", none: "No macros yet; a supervisor defines them on the Macros page.", loadFailed: "The macros could not be read: {reason}",
        previewTitle: "Apply macro “{name}”", willDo: "In this order it will:", reply: "Reply to the customer:", category: "Set the category to “{name}”",
        class: "Set the class to “{name}”", forward: "Forward to “{department}”", forwardNote: "Note: {note}", pause: "Pause the clocks, waiting for {what}: {reason}",
        resolve: "Resolve the case, note: {note}", missing: "These variables had no value and got a neutral word: {names}",
        confirmForward: "I confirm forwarding this case to “{department}”", confirmResolve: "I confirm resolving this case",
        apply: "Apply", applying: "Applying…", cancel: "Cancel", done: "Applied macro “{name}”.",
        stopped: "The macro stopped at step {step} ({kind}): {reason}", kept: "The steps before it were applied: {steps}.", keptNone: "No step was applied.",
      },
    },
  },
};
