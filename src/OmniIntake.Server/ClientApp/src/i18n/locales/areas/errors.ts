// Problem codes the hub sends (ProblemDetails "code"), said in the user's language. Areas add theirs in their own file.
export default {
  "zh-CN": { problem: { unknown: "操作未能完成（{code}）。" } },
  en: { problem: { unknown: "The action could not be completed ({code})." } },
};
