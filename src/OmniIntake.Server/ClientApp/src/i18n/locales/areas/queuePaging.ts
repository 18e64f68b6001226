// The queue in pages (issue 14 item 6): with 10,000 open cases the workspace loads them as the agent scrolls and says how
// many it shows of how many there are, never a loaded part as if it were the whole.
export default {
  "zh-CN": {
    queuePaging: {
      shownOf: "显示 {shown} / {total}",
      loadedOf: "已加载 {loaded} / {total}，匹配 {shown} 件",
      loading: "正在加载更多案件…",
      failed: "未能加载更多案件。",
      retry: "重试",
    },
  },
  en: {
    queuePaging: {
      shownOf: "Showing {shown} of {total}",
      loadedOf: "{loaded} of {total} loaded, {shown} match",
      loading: "Loading more cases…",
      failed: "More cases could not be loaded.",
      retry: "Retry",
    },
  },
};
