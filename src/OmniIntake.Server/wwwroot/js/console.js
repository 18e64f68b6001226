"use strict";
// The agent console (first cut): a live queue over SignalR with catch-up by event position, and the case file.
const queue = document.getElementById("queue");
const detail = document.getElementById("detail");
const statusEl = document.getElementById("status");
const cases = new Map();
let lastPosition = 0;
let selected = null;

function text(tag, value, cls) { const el = document.createElement(tag); el.textContent = value ?? ""; if (cls) el.className = cls; return el; }

async function api(path, options) {
  const r = await fetch(path, options);
  if (r.status === 401) { location.href = "/login.html"; throw new Error("signed out"); }
  if (!r.ok) { const p = await r.json().catch(() => ({})); throw new Error(p.detail || r.statusText); }
  return r.status === 204 ? null : r.json();
}

function dueText(c) {
  if (!c.forwardDueAt) return ["", ""];
  if (c.forwardState === "met") return ["已转交 forwarded", "met"];
  if (c.forwardState === "breached") return ["超时 breached", "breached"];
  const ms = new Date(c.forwardDueAt) - Date.now();
  if (ms <= 0) return ["超时 breached", "breached"];
  const m = Math.floor(ms / 60000), s = Math.floor(ms / 1000) % 60;
  const atRisk = c.forwardWarnAt && Date.now() >= new Date(c.forwardWarnAt);
  return [`${m}:${String(s).padStart(2, "0")}`, atRisk ? "risk" : ""];
}

function render() {
  const q = document.getElementById("search").value.trim().toLowerCase();
  queue.replaceChildren(...[...cases.values()]
    .filter(c => !q || JSON.stringify(c).toLowerCase().includes(q))
    .sort((a, b) => b.id - a.id)
    .map(c => {
      const li = document.createElement("li");
      const [due, cls] = dueText(c);
      li.append(text("span", due, "due " + cls), text("strong", c.number), text("div", `${c.channel} · ${c.status} · ${c.class}`, "meta"),
        text("div", c.subject || c.complainantName || ""));
      if (c.id === selected) li.className = "selected";
      li.addEventListener("click", () => open(c.id));
      return li;
    }));
}

async function refreshCase(id) { const c = (await api(`/api/cases/${id}`)).case; cases.set(c.id, c); }

async function open(id) {
  selected = id;
  const d = await api(`/api/cases/${id}`);
  cases.set(d.case.id, d.case);
  render();
  const parts = [text("h3", `${d.case.number} · ${d.case.status}`), text("div", `${d.case.channel} · ${d.contactHandles.join(", ")}`, "meta")];
  // A number that sent STOP gets no SMS: say so before the agent writes a reply that cannot go out.
  const optedOut = new Set((await api("/api/channels/sms/opt-outs")).map(o => "phone:" + o.phone));
  for (const handle of d.contactHandles.filter(h => optedOut.has(h)))
    parts.push(text("div", `${handle.slice(6)} 已退订短信 opted out of SMS (STOP): replies by SMS will not be sent`, "error opted-out"));
  for (const m of d.messages) {
    const fresh = m.quoteStart == null ? m.bodyText : m.bodyText.slice(0, m.quoteStart);
    const div = text("div", fresh, "message " + m.direction);
    if (m.quoteStart != null) {
      // The quoted history of a reply: kept, shown collapsed.
      const history = document.createElement("details");
      history.append(text("summary", "引用的历史 Quoted history"), text("div", m.bodyText.slice(m.quoteStart), "quoted"));
      div.append(history);
    }
    for (const a of JSON.parse(m.attachments || "[]")) {
      if (a.refusedReason) { div.append(text("div", `📎 ${a.fileName} — 未保存 not kept: ${a.refusedReason}`, "meta refused")); continue; }
      const link = text("a", `📎 ${a.fileName} (${a.contentType}, ${Math.ceil(a.size / 1024)} KB)`);
      if (a.storageKey) link.href = `/api/messages/${m.id}/attachments/${encodeURIComponent(a.storageKey)}`;
      div.append(document.createElement("br"), link);
    }
    div.prepend(text("div", `${m.direction} · ${m.sender} · ${new Date(m.createdAt).toLocaleString()}${m.deliveryStatus ? " · " + m.deliveryStatus : ""}${m.providerStatus ? " · " + m.providerStatus : ""}${m.deliveryError ? " · " + m.deliveryError : ""}`, "meta"));
    parts.push(div);
  }
  const reply = document.createElement("textarea"); reply.placeholder = "回复 Reply"; reply.setAttribute("aria-label", "reply");
  // The customer's chat widget shows "an agent is typing" (at most every 3 s).
  let typingSent = 0;
  reply.addEventListener("input", () => { if (Date.now() - typingSent > 3000) { typingSent = Date.now(); connection.invoke("Typing", id).catch(() => {}); } });
  const send = text("button", "发送 Send");
  send.addEventListener("click", async () => { await api(`/api/cases/${id}/reply`, post({ text: reply.value })); open(id); });
  const departments = await api("/api/departments");
  const target = document.createElement("select"); target.setAttribute("aria-label", "department");
  for (const dep of departments) { const o = text("option", `${dep.name} (${dep.code})`); o.value = dep.id; target.append(o); }
  const forward = text("button", "转交 Forward");
  forward.disabled = departments.length === 0;
  forward.addEventListener("click", () => act(id, "forward", { departmentId: Number(target.value) }));
  const resolve = text("button", "办结 Resolve");
  resolve.addEventListener("click", () => act(id, "resolve", {}));
  const problem = text("p", "", "error"); problem.id = "action-error";
  parts.push(reply, send, text("h4", "转交 Forward to the responsible department"), target, forward, resolve, problem, text("h4", "审计 Audit trail"));
  for (const a of d.audit) parts.push(text("div", `${new Date(a.at).toLocaleString()} · ${a.actor} · ${a.action}`, "meta"));
  detail.replaceChildren(...parts);
}

async function act(id, action, body) {
  try { await api(`/api/cases/${id}/${action}`, post(body)); await open(id); }
  catch (e) { document.getElementById("action-error").textContent = e.message; }
}

function post(body) { return { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }; }

async function apply(e) {
  if (e.position <= lastPosition) return;           // already seen
  if (e.position > lastPosition + 1) return catchUp(); // a gap: fetch what was missed, in order
  lastPosition = e.position;
  await refreshCase(e.caseId);
  render();
  if (e.caseId === selected) open(selected);
}

async function catchUp() {
  for (;;) {
    const page = await connection.invoke("CatchUp", lastPosition);
    for (const e of page.events) { if (e.position === lastPosition + 1) { lastPosition = e.position; await refreshCase(e.caseId); } }
    if (!page.hasMore) break;
  }
  render();
}

const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/agents").withAutomaticReconnect().build();
connection.on("event", apply);
connection.onreconnecting(() => { statusEl.textContent = "离线 offline — reconnecting…"; });
connection.onreconnected(async () => { await catchUp(); statusEl.textContent = `在线 online · caught up to #${lastPosition}`; });

(async () => {
  const me = await api("/api/auth/me");
  document.getElementById("me").textContent = `${me.displayName} (${me.roles.join(", ")})`;
  // Head first, then the queue, then catch up from the head: nothing that happens in between is missed.
  lastPosition = (await api("/api/events?after=0&limit=1")).head;
  for (const c of await api("/api/cases?open=true&limit=200")) cases.set(c.id, c);
  await connection.start();
  await catchUp();
  statusEl.textContent = "在线 online";
  render();
  document.getElementById("search").addEventListener("input", render);
  setInterval(render, 1000); // countdowns
})();
