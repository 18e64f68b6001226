// How people are named in the conversation (issue 14): a call registered by staff shows the caller, and who registered it.
export default {
  "zh-CN": {
    people: {
      caller: "来电人",
      registeredBy: "由 {name} 登记",
    },
  },
  en: {
    people: {
      caller: "Caller",
      registeredBy: "registered by {name}",
    },
  },
};
