// The admin's page in the workspace (issue 14): departments and the category → department mapping.
export default {
  "zh-CN": {
    adminPage: {
      title: "系统管理",
      mapping: {
        title: "投诉类别与责任部门",
        hint: "客服转交案件时，将按案件的投诉类别预选这里设定的部门。",
        category: "投诉类别",
        department: "责任部门",
        none: "不预选",
        saved: "已保存：{category} → {department}",
        cleared: "已取消“{category}”的预选部门。",
        failed: "保存失败，请稍后重试。",
        noDepartments: "尚无部门，请先在下方添加部门。",
      },
      departments: {
        title: "部门",
        code: "部门代码（英文字母、数字或短横线）",
        name: "部门名称",
        add: "添加部门",
        added: "已添加部门“{name}”。",
        taken: "该部门代码已存在。",
        invalid: "请填写部门代码（最多 50 个字符）和部门名称（最多 200 个字符）。",
        failed: "添加失败，请稍后重试。",
        empty: "尚无部门。",
      },
      more: {
        title: "其他设置",
        body: "用户、工作日历等设置暂在原管理页面：",
        users: "用户与日历（原页面）",
        calendar: "工作日历与报表（原页面）",
      },
    },
  },
  en: {
    adminPage: {
      title: "Administration",
      mapping: {
        title: "Categories and responsible departments",
        hint: "When an agent forwards a case, the department set here for its category is preselected.",
        category: "Category",
        department: "Department",
        none: "No preselection",
        saved: "Saved: {category} → {department}",
        cleared: "“{category}” no longer preselects a department.",
        failed: "Not saved; please try again later.",
        noDepartments: "No department yet; add one below first.",
      },
      departments: {
        title: "Departments",
        code: "Department code (letters, digits or dashes)",
        name: "Department name",
        add: "Add department",
        added: "Department “{name}” added.",
        taken: "A department with this code exists.",
        invalid: "Enter a code (at most 50 characters) and a name (at most 200 characters).",
        failed: "Not added; please try again later.",
        empty: "No department yet.",
      },
      more: {
        title: "More settings",
        body: "Users and the business calendar are still on the previous administration page:",
        users: "Users and calendar (previous page)",
        calendar: "Business calendar and reports (previous page)",
      },
    },
  },
};
