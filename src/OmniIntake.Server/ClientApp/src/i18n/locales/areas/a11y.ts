// The shell's accessibility and keyboard messages (issue 14.6): the skip link's neighbours, the shortcut list, the phone
// layout's way back to the queue.
export default {
  "zh-CN": {
    a11y: {
      sortLabel: "排序方式",
      backToQueue: "返回队列",
      shortcuts: {
        title: "键盘快捷键",
        open: "快捷键",
        enabled: "启用单字母快捷键",
        hint: "在输入框中输入时快捷键不起作用。",
        close: "关闭",
        keys: {
          next: "下一个案件",
          previous: "上一个案件",
          search: "搜索队列",
          reply: "写回复",
          help: "显示快捷键列表",
          escape: "从案件返回队列",
          send: "发送回复",
        },
      },
    },
  },
  en: {
    a11y: {
      sortLabel: "Sort by",
      backToQueue: "Back to the queue",
      shortcuts: {
        title: "Keyboard shortcuts",
        open: "Shortcuts",
        enabled: "Use one-letter shortcuts",
        hint: "Shortcuts do nothing while you type in a field.",
        close: "Close",
        keys: {
          next: "Next case",
          previous: "Previous case",
          search: "Search the queue",
          reply: "Write a reply",
          help: "Show this list",
          escape: "Back from the case to the queue",
          send: "Send the reply",
        },
      },
    },
  },
};
