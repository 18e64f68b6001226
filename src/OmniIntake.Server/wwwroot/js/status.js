"use strict";
// The customer's self-service status page (issue 16 item 5). The server speaks stable codes; the texts are here, zh-CN and en.
const texts = {
  zh: {
    title: "投诉进度查询", intro: "请输入投诉编号，以及登记在该投诉上的手机号或邮箱。我们会把验证码发到这个手机号或邮箱。",
    number: "投诉编号", contact: "手机号或邮箱", send: "获取验证码", code: "验证码（6位数字）", show: "查看进度", again: "重新获取验证码",
    sent: "验证码已发送到您登记的手机号或邮箱，10分钟内有效。", case: "投诉编号", replies: "给您的答复", noReplies: "暂无答复。",
    more: "补充信息", add: "提交补充", added: "已补充到投诉 {0}。", addedNew: "原投诉已办结，您的补充已登记为新的投诉 {0}。",
    received: "已受理", forwarded: "已转交处理部门", answered: "处理部门已答复", resolved: "已办结",
    forwardBy: "按规定将在 {0} 前转交处理。", answerBy: "按规定处理部门将在 {0} 前答复。", other: "语言：English",
    "status.missing": "请填写投诉编号和手机号或邮箱。", "status.no-match": "没有找到登记了该手机号或邮箱的这个投诉编号，请核对。",
    "status.rate-limited": "获取验证码次数过多，请一小时后再试。", "status.code-wrong": "验证码不正确，请核对后重试。",
    "status.code-attempts": "验证码错误次数过多，请重新获取验证码。", "status.code-expired": "验证码已过期或已使用，请重新获取。",
    "status.session-over": "查询已超时，请重新获取验证码。", "status.info-length": "请填写补充内容（最多4000字）。",
    failed: "请求失败（{0}），请稍后再试。",
    fileLabel: "补充图片或文件（JPG、PNG、WebP、GIF 或 PDF）", fileSend: "发送文件", fileSent: "文件已补充到投诉 {0}。",
    "attachment.too-large": "文件太大，请发送不超过 {0} 的文件。", "attachment.type-not-allowed": "只能发送图片（JPG、PNG、WebP、GIF）或 PDF 文件。",
    "attachment.empty": "文件是空的，请重新选择。", "attachment.missing": "请先选择要发送的文件。",
    withdraw: "撤回投诉", withdrawIntro: "如果您的问题已经解决或不再需要处理，可以申请撤回。工作人员会与您核实后办理。",
    reason: "撤回原因", withdrawSend: "提交撤回申请", withdrawSent: "撤回申请已提交（投诉 {0}），工作人员会与您核实。",
    withdrawPending: "您已于 {0} 申请撤回，工作人员会与您核实。", "status.withdraw-reason": "请填写撤回原因（最多1000字）。",
    "status.withdraw-closed": "该投诉已办结，无需撤回。",
  },
  en: {
    title: "Case status", intro: "Enter your case number and the phone number or e-mail address on the case. We send a code to that phone or address.",
    number: "Case number", contact: "Phone or e-mail", send: "Send me a code", code: "Code (6 digits)", show: "Show progress", again: "Send a new code",
    sent: "A code is on its way to the phone or e-mail on the case; it is valid for 10 minutes.", case: "Case", replies: "Our replies to you", noReplies: "No replies yet.",
    more: "Add information", add: "Add", added: "Added to case {0}.", addedNew: "The case was closed, so your information is registered as a new case, {0}.",
    received: "Received", forwarded: "Passed to the team responsible", answered: "The team answered", resolved: "Resolved",
    forwardBy: "By our rules it is passed on by {0}.", answerBy: "By our rules the team answers by {0}.", other: "语言：中文",
    "status.missing": "Please give the case number and the phone or e-mail.", "status.no-match": "No case with this number has this phone or e-mail; please check them.",
    "status.rate-limited": "Too many codes: please try again in an hour.", "status.code-wrong": "The code is not right; please check it and try again.",
    "status.code-attempts": "Too many wrong codes: please ask for a new code.", "status.code-expired": "The code has expired or was used: please ask for a new one.",
    "status.session-over": "Your session has ended: please ask for a new code.", "status.info-length": "Please write your information (at most 4,000 characters).",
    failed: "The request failed ({0}); please try again later.",
    fileLabel: "Add a photo or a file (JPG, PNG, WebP, GIF or PDF)", fileSend: "Send the file", fileSent: "The file was added to case {0}.",
    "attachment.too-large": "The file is too large: please send one of at most {0}.", "attachment.type-not-allowed": "Only images (JPG, PNG, WebP, GIF) and PDF files can be sent.",
    "attachment.empty": "The file is empty; please choose another.", "attachment.missing": "Please choose a file first.",
    withdraw: "Withdraw the complaint", withdrawIntro: "If your problem is solved or no longer needs handling, you can ask to withdraw. We will check with you before we close it.",
    reason: "Why do you withdraw?", withdrawSend: "Ask to withdraw", withdrawSent: "Your request to withdraw case {0} is registered; we will check with you.",
    withdrawPending: "You asked to withdraw on {0}; we will check with you.", "status.withdraw-reason": "Please give a reason (at most 1,000 characters).",
    "status.withdraw-closed": "This complaint is already closed; there is nothing to withdraw.",
  },
};
let lang = (navigator.language || "en").toLowerCase().startsWith("zh") ? "zh" : "en";
let token = null;
let shown = null;
const $ = (id) => document.getElementById(id);
const t = (key, arg) => (texts[lang][key] || key).replace("{0}", arg ?? "");

function render() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = t("title");
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  $("lang").textContent = t("other");
  if (shown) show(shown);
}

// In the organisation's time zone, as the acknowledgements state times (not the phone's).
function when(iso) {
  const options = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  if (shown && shown.timeZone) options.timeZone = shown.timeZone;
  try { return new Date(iso).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", options); }
  catch { delete options.timeZone; return new Date(iso).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", options); }
}

async function call(method, path, body) {
  $("error").textContent = "";
  const headers = { "Content-Type": "application/json" };
  if (token) headers["X-Status-Token"] = token;
  const r = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const data = await r.json().catch(() => null);
  if (!r.ok) {
    const code = data && data.code;
    $("error").textContent = code && texts[lang][code] ? t(code) : t("failed", r.status);
    if (code === "status.session-over") { token = null; shown = null; $("progress").hidden = true; $("ask").hidden = false; }
    return null;
  }
  return data ?? {};
}

function show(view) {
  shown = view;
  $("case").textContent = view.caseNumber;
  const steps = $("steps"); steps.replaceChildren();
  for (const step of view.steps) {
    const li = document.createElement("li");
    li.className = step.done ? "done" : "";
    li.textContent = t(step.key);
    if (step.done && step.at) { const time = document.createElement("time"); time.dateTime = step.at; time.textContent = when(step.at); li.appendChild(time); }
    steps.appendChild(li);
  }
  $("promise").textContent = view.forwardDueAt ? t("forwardBy", when(view.forwardDueAt)) : view.answerDueAt ? t("answerBy", when(view.answerDueAt)) : "";
  const replies = $("replies"); replies.replaceChildren();
  for (const reply of view.replies) {
    const li = document.createElement("li");
    const time = document.createElement("time"); time.dateTime = reply.at; time.textContent = when(reply.at);
    li.appendChild(time); li.appendChild(document.createTextNode(reply.text)); // text, never HTML
    replies.appendChild(li);
  }
  if (!view.replies.length) { const li = document.createElement("li"); li.textContent = t("noReplies"); replies.appendChild(li); }
  const open = ["received", "forwarded", "answered"].includes(view.status);
  $("withdrawn").hidden = !view.withdrawalRequestedAt;
  $("withdrawn").textContent = view.withdrawalRequestedAt ? t("withdrawPending", when(view.withdrawalRequestedAt)) : "";
  $("withdrawBox").hidden = !open || !!view.withdrawalRequestedAt;
}

function sizeText(bytes) { return bytes >= 1048576 ? `${Math.round(bytes / 104857.6) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`; }

// XMLHttpRequest, not fetch: it reports the upload's progress (issue 16 item 5).
function upload(file) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const body = new FormData(); body.append("file", file, file.name);
    xhr.open("POST", "/api/status/file");
    xhr.setRequestHeader("X-Status-Token", token);
    const bar = $("fileProgress"); bar.hidden = false; bar.value = 0;
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = Math.round(e.loaded * 100 / e.total); };
    xhr.onloadend = () => {
      bar.hidden = true;
      let data = null; try { data = JSON.parse(xhr.responseText); } catch { data = null; }
      if (xhr.status === 200) { resolve(data); return; }
      const code = data && data.code;
      $("error").textContent = code === "attachment.too-large" ? t(code, sizeText(data.maxBytes || 0)) : code && texts[lang][code] ? t(code) : t("failed", xhr.status);
      if (code === "status.session-over") { token = null; shown = null; $("progress").hidden = true; $("ask").hidden = false; }
      resolve(null);
    };
    xhr.send(body);
  });
}

$("ask").addEventListener("submit", async (e) => {
  e.preventDefault();
  $("done").textContent = "";
  const ok = await call("POST", "/api/status/code", { caseNumber: $("number").value.trim(), contact: $("contact").value.trim(), language: lang === "zh" ? "zh-CN" : "en" });
  if (!ok) return;
  $("ask").hidden = true; $("verify").hidden = false; $("sent").textContent = t("sent"); $("code").focus();
});
$("verify").addEventListener("submit", async (e) => {
  e.preventDefault();
  const session = await call("POST", "/api/status/verify", { caseNumber: $("number").value.trim(), code: $("code").value.trim() });
  if (!session) return;
  token = session.token;
  const view = await call("GET", "/api/status");
  if (!view) return;
  $("verify").hidden = true; $("progress").hidden = false;
  show(view);
});
$("again").addEventListener("click", () => { $("verify").hidden = true; $("ask").hidden = false; $("code").value = ""; $("error").textContent = ""; });
$("info").addEventListener("submit", async (e) => {
  e.preventDefault();
  const result = await call("POST", "/api/status/info", { text: $("more").value });
  if (!result) return;
  $("more").value = "";
  $("done").textContent = result.newCase ? t("addedNew", result.caseNumber) : t("added", result.caseNumber);
});
$("file").addEventListener("submit", async (e) => {
  e.preventDefault();
  $("error").textContent = ""; $("done").textContent = "";
  const file = $("upload").files[0];
  if (!file) return;
  const result = await upload(file);
  if (!result) return;
  $("upload").value = "";
  $("done").textContent = result.newCase ? t("addedNew", result.caseNumber) : t("fileSent", result.caseNumber);
});
$("withdrawForm").addEventListener("submit", async (e) => {
  e.preventDefault();
  $("done").textContent = "";
  const result = await call("POST", "/api/status/withdraw", { reason: $("reason").value });
  if (!result) return;
  $("reason").value = "";
  const view = await call("GET", "/api/status");
  if (view) show(view);
  $("done").textContent = t("withdrawSent", result.caseNumber);
});
$("lang").addEventListener("click", () => { lang = lang === "zh" ? "en" : "zh"; $("done").textContent = ""; $("error").textContent = ""; render(); });
const fromLink = new URLSearchParams(location.search).get("case");
if (fromLink) $("number").value = fromLink;
render();
