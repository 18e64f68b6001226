"use strict";
// Supervisors and admins: are the channels working? Pollers with their last success and error, replies that are not
// going out, messages set aside (with a link to the raw message and a button to process it again), SMS opt-outs; the
// forum sources with a "poll now" button each.
function el(tag, value, cls) { const e = document.createElement(tag); if (value != null) e.textContent = value; if (cls) e.className = cls; return e; }
const when = v => v ? new Date(v).toLocaleString() : "—";

async function api(path, method = "GET") {
  const r = await fetch(path, { method });
  if (r.status === 401) { location.href = "/login.html"; throw new Error("signed out"); }
  if (!r.ok) { const p = await r.json().catch(() => ({})); throw new Error(p.detail || `${r.status} ${r.statusText}`); }
  return r.status === 204 ? null : r.json();
}

function fill(id, headers, rows) {
  const head = el("tr");
  for (const h of headers) head.append(el("th", h));
  document.getElementById(id).replaceChildren(head, ...rows.map(cells => {
    const tr = el("tr");
    for (const c of cells) { const td = el("td"); if (c instanceof Node) td.append(c); else td.textContent = c ?? ""; tr.append(td); }
    return tr;
  }));
}

// Issue 12: every forum source can be polled by a supervisor, a source polled only by hand included; the outcome stays
// shown (taken, ignored, set aside, error) until the next poll now.
const pollResults = new Map();
async function pollNow(source, button) {
  button.disabled = true;
  try {
    const r = await api(`/api/channels/forum/${encodeURIComponent(source)}/poll`, "POST");
    pollResults.set(source, r.notModified ? "not modified 无更新"
      : `taken 收取 ${r.taken} · ignored 忽略 ${r.ignored} · set aside 搁置 ${r.setAside}` + (r.error ? ` · error 错误: ${r.error}` : "")
        + (r.warning ? ` · ${r.warning}` : ""));
  } catch (e) {
    pollResults.set(source, "error 错误: " + e.message);
  }
  await load().catch(() => {});
}

async function load() {
  const health = await fetch("/health").then(r => r.text()).catch(() => "?");
  document.getElementById("health").textContent = "health: " + health;
  const pollers = await api("/api/channels/pollers");
  fill("pollers", ["name", "last success", "last attempt", "failures", "last error", "taken", "ignored", "lease"],
    pollers.map(p => [p.name, when(p.lastSuccessAt), when(p.lastAttemptAt), p.failures, p.lastError, p.taken, p.ignored, p.leaseHolder]));
  const sources = await api("/api/channels/forum");
  fill("forumSources", ["source", "kind", "scheduled", "", "last poll now"], sources.map(s => {
    const poll = el("button", "立即收取 Poll now"); poll.type = "button"; poll.dataset.source = s.name;
    poll.addEventListener("click", () => pollNow(s.name, poll));
    return [s.name, s.kind, s.scheduled ? "yes" : "by hand", poll, pollResults.get(s.name) ?? ""];
  }));
  const outbox = await api("/api/channels/outbox");
  fill("outbox", ["case", "channel", "recipient", "status", "attempts", "error", "provider"],
    outbox.map(o => [o.caseNumber, o.channel, o.recipient, o.status, o.attempts, o.lastError, o.providerStatus]));
  const raw = await api("/api/channels/raw?disposition=failed");
  fill("raw", ["id", "channel", "received", "reason", ""], raw.map(m => {
    const actions = el("span");
    const link = el("a", "raw"); link.href = `/api/channels/raw/${m.id}/content`;
    const again = el("button", "重新处理 Process again"); again.type = "button";
    again.addEventListener("click", async () => { await api(`/api/channels/raw/${m.id}/reprocess`, "POST").catch(e => alert(e.message)); load(); });
    actions.append(link, " ", again);
    return [m.id, m.channel, when(m.receivedAt), m.error, actions];
  }));
  // Conversations the dialog-expiry job could not handle (issue 12 item 2), with the reason.
  const setAside = await api("/api/channels/dialogs/set-aside");
  fill("setAsideDialogs", ["conversation", "channel", "case", "since", "reason"],
    setAside.map(d => [d.id, d.channel, d.caseNumber, when(d.setAsideAt), d.reason]));
  const optOuts = await api("/api/channels/sms/opt-outs");
  fill("optOuts", ["phone", "keyword", "since"], optOuts.map(o => [o.phone, o.keyword, when(o.optedOutAt)]));
}

load().catch(e => { document.getElementById("health").textContent = e.message; });
setInterval(() => load().catch(() => {}), 30000);
