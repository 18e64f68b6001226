// Attachments and the customer's withdrawal request (issue 16 items 4 and 5), as agents see them in the workspace.
export default {
  "zh-CN": {
    attach: {
      button: "添加附件",
      uploading: "正在上传 {name}…",
      remove: "移除 {name}",
      attached: "回复将附带：",
      open: "打开 {name}（{size}）",
      image: "图片 {name}",
      refused: "{name} 未保存：{reason}",
      reasons: {
        "too-large": "超过大小上限",
        "type-not-allowed": "只接受这些格式：{types}",
        "empty": "文件为空",
        "host-not-allowed": "彩信图片的地址不是短信服务商的，未下载",
        "not-fetched": "未能从短信服务商下载",
        other: "{reason}",
      },
      tooLarge: "文件太大，上限为 {max}。",
      wrongType: "只能附加这些格式的文件：{types}。",
      withdrawal: {
        title: "客户申请撤回投诉",
        reason: "原因：{reason}",
        at: "申请时间：{at}",
        check: "按规定须向客户核实撤回是否出于自愿，核实后再办理撤回。",
      },
    },
  },
  en: {
    attach: {
      button: "Attach a file",
      uploading: "Uploading {name}…",
      remove: "Remove {name}",
      attached: "The reply will carry:",
      open: "Open {name} ({size})",
      image: "Image {name}",
      refused: "{name} was not kept: {reason}",
      reasons: {
        "too-large": "larger than the size limit",
        "type-not-allowed": "only these formats are accepted: {types}",
        "empty": "the file is empty",
        "host-not-allowed": "the MMS named a host that is not the SMS provider's; not fetched",
        "not-fetched": "it could not be fetched from the SMS provider",
        other: "{reason}",
      },
      tooLarge: "The file is too large; the limit is {max}.",
      wrongType: "Only files of these formats can be attached: {types}.",
      withdrawal: {
        title: "The customer asks to withdraw the complaint",
        reason: "Reason: {reason}",
        at: "Asked on {at}",
        check: "By the policy, check with the customer that the withdrawal is voluntary before withdrawing the case.",
      },
    },
  },
};
