// Finding a contact to link by its handle, even without a case (issue 15).
export default {
  "zh-CN": { contactFind: { noCases: "暂无案件" } },
  en: { contactFind: { noCases: "no case yet" } },
};
