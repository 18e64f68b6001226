"use strict";
// The agent console: one live queue across channels (SignalR with catch-up by event position), filters and search,
// and the case file with every action an agent takes. Everything a customer wrote is shown as text, never as markup.
const queue = document.getElementById("queue");
const detail = document.getElementById("detail");
const statusEl = document.getElementById("status");
const cases = new Map();
let lastPosition = 0;
let selected = null;
let me = { username: "", roles: [] };
let departments = [];
let categories = [];

function el(tag, value, cls) { const e = document.createElement(tag); if (value != null) e.textContent = value; if (cls) e.className = cls; return e; }
function button(label, onClick, cls) { const b = el("button", label, cls); b.type = "button"; b.addEventListener("click", onClick); return b; }
function post(body) { return { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body ?? {}) }; }
const isSupervisor = () => me.roles.includes("supervisor") || me.roles.includes("admin");

async function api(path, options) {
  const r = await fetch(path, options);
  if (r.status === 401) { location.href = "/login.html"; throw new Error("signed out"); }
  if (!r.ok) { const p = await r.json().catch(() => ({})); throw new Error(p.detail || `${r.status} ${r.statusText}`); }
  return r.status === 204 ? null : r.json();
}

// --- the queue ---------------------------------------------------------------------------------------------------
function filters() {
  return {
    q: document.getElementById("search").value.trim().toLowerCase(),
    channel: document.getElementById("fChannel").value, cls: document.getElementById("fClass").value,
    department: document.getElementById("fDepartment").value,
    who: document.querySelector("input[name=who]:checked").value,
  };
}

function matches(c, f) {
  if (f.channel && c.channel !== f.channel) return false;
  if (f.cls && c.class !== f.cls) return false;
  if (f.department && String(c.departmentId) !== f.department) return false;
  if (f.who === "mine" && c.claimedBy !== me.username) return false;
  if (f.who === "unassigned" && c.claimedBy) return false;
  if (!["received", "forwarded", "answered"].includes(c.status) && c.id !== selected) return false;
  return !f.q || [c.number, c.subject, c.complainantName, c.channel, c.category].some(v => (v || "").toLowerCase().includes(f.q));
}

function countdown(c) {
  if (!c.forwardDueAt) return ["", ""];
  if (c.forwardState === "met") return [t("met"), "met"];
  if (c.forwardState === "breached") return [t("breached"), "breached"];
  const ms = new Date(c.forwardDueAt) - Date.now();
  if (ms <= 0) return [t("breached"), "breached"];
  const h = Math.floor(ms / 3600000), m = Math.floor(ms / 60000) % 60, s = Math.floor(ms / 1000) % 60;
  const atRisk = c.forwardWarnAt && Date.now() >= new Date(c.forwardWarnAt);
  return [`${h ? h + ":" + String(m).padStart(2, "0") : m}:${String(s).padStart(2, "0")}`, atRisk ? "risk" : ""];
}

function visible() { const f = filters(); return [...cases.values()].filter(c => matches(c, f)).sort((a, b) => b.id - a.id); }

function render() {
  queue.replaceChildren(...visible().map(c => {
    const li = document.createElement("li");
    li.dataset.number = c.number;
    const [due, cls] = countdown(c);
    li.append(el("span", due, "due " + cls), el("strong", c.number), el("span", c.class, "badge class-" + c.class),
      el("div", [c.channel, c.status, c.category, c.claimedBy ? `${t("claimedBy")} ${c.claimedBy}` : null].filter(Boolean).join(" · "), "meta"),
      el("div", c.subject || c.complainantName || ""));
    if (c.id === selected) li.className = "selected";
    li.addEventListener("click", () => open(c.id));
    return li;
  }));
}

function tick() {
  // Countdowns every second without rebuilding the list.
  for (const li of queue.children) {
    const c = [...cases.values()].find(x => x.number === li.dataset.number);
    if (!c) continue;
    const [due, cls] = countdown(c);
    const span = li.querySelector(".due");
    span.textContent = due; span.className = "due " + cls;
  }
}

async function refreshCase(id) { const c = (await api(`/api/cases/${id}`)).case; cases.set(c.id, c); return c; }

// --- the case file -----------------------------------------------------------------------------------------------
function section(title, ...children) { const s = el("div", null, "block"); s.append(el("h3", title), ...children); return s; }

function form(fields, label, onSubmit) {
  const f = document.createElement("form");
  f.className = "row";
  f.append(...fields, el("button", label));
  f.addEventListener("submit", async (e) => { e.preventDefault(); await onSubmit(); });
  return f;
}

function input(placeholder, name) { const i = document.createElement("input"); i.placeholder = placeholder; i.name = name; i.setAttribute("aria-label", placeholder); return i; }

function select(options, name) {
  const s = document.createElement("select"); s.name = name; s.setAttribute("aria-label", name);
  for (const [value, label] of options) { const o = el("option", label); o.value = value; s.append(o); }
  return s;
}

function messageView(m) {
  const fresh = m.quoteStart == null ? m.bodyText : m.bodyText.slice(0, m.quoteStart);
  const div = el("div", null, "message " + m.direction);
  const status = [m.deliveryStatus, m.providerStatus, m.deliveryError].filter(Boolean).join(" · ");
  div.append(el("div", `${m.direction} · ${m.author || m.sender} · ${new Date(m.createdAt).toLocaleString()}${status ? " · " + status : ""}`, "meta"),
    el("div", fresh, "body"));
  // What the hub had to do to keep the message (HTML too complex, a guessed charset): the text may differ from what was sent.
  for (const code of JSON.parse(m.notices || "[]")) div.append(el("div", "⚠ " + t("notice." + code), "meta notice"));
  if (m.quoteStart != null) {
    const history = document.createElement("details");
    history.append(el("summary", t("quoted")), el("div", m.bodyText.slice(m.quoteStart), "quoted"));
    div.append(history);
  }
  if (m.bodyHtml) {
    // The sanitised HTML of an e-mail, in a sandbox without scripts, only when asked for.
    const html = document.createElement("details");
    html.append(el("summary", t("html")));
    html.addEventListener("toggle", () => {
      if (!html.open || html.querySelector("iframe")) return;
      const frame = document.createElement("iframe");
      frame.setAttribute("sandbox", ""); frame.className = "mail"; frame.srcdoc = m.bodyHtml;
      html.append(frame);
    }, { once: false });
    div.append(html);
  }
  for (const a of JSON.parse(m.attachments || "[]")) {
    if (a.refusedReason) { div.append(el("div", `📎 ${a.fileName} — ${a.refusedReason}`, "meta refused")); continue; }
    const link = el("a", `📎 ${a.fileName} (${a.contentType}, ${Math.ceil(a.size / 1024)} KB)`);
    if (a.storageKey) link.href = `/api/messages/${m.id}/attachments/${encodeURIComponent(a.storageKey)}`;
    div.append(el("br"), link);
  }
  return div;
}

// What the agent is writing, per case and box: a live event re-opens the case and re-creates its boxes, and a half-written
// reply must survive that (issue 14: "an agent loses a half-written reply whenever the customer writes").
const drafts = new Map();
function draftBox(caseId, id, label) {
  const area = document.createElement("textarea"); area.id = id; area.setAttribute("aria-label", label);
  const key = `${caseId}:${id}`;
  area.value = drafts.get(key) ?? "";
  area.addEventListener("input", () => drafts.set(key, area.value));
  return [area, () => drafts.delete(key)];
}

async function open(id) {
  selected = id;
  const typingIn = ["reply", "note"].includes(document.activeElement?.id) ? document.activeElement.id : null;
  const d = await api(`/api/cases/${id}`);
  const c = d.case;
  cases.set(c.id, c);
  render();
  const problem = el("p", "", "error"); problem.id = "action-error"; problem.setAttribute("role", "alert");
  const act = async (path, body, sent) => {
    problem.textContent = "";
    try { await api(`/api/cases/${id}/${path}`, post(body)); sent?.(); await open(id); } catch (e) { problem.textContent = e.message; }
  };
  const head = el("div", null, "case-head");
  head.append(el("h2", `${c.number} · ${c.status} · ${c.class}`),
    el("div", `${c.channel} · ${d.contactHandles.join(", ")}${c.claimedBy ? ` · ${t("claimedBy")} ${c.claimedBy}` : ""}`, "meta"));
  const actions = el("div", null, "actions");
  // A closed, withdrawn or merged case is nobody's work any more: the hub refuses to claim it (CaseLifecycle.IsHandled).
  const handled = ["closed", "withdrawn", "merged"].includes(c.status);
  if (!c.claimedBy && !handled) actions.append(button(t("claim"), () => act("claim"), "claim"));
  else if (c.claimedBy && (c.claimedBy === me.username || isSupervisor())) actions.append(button(t("release"), () => act("release"), "secondary"));
  if (c.claimedBy && c.claimedBy !== me.username && isSupervisor() && !handled) actions.append(button(t("takeOver"), () => act("claim?takeOver=true"), "secondary"));
  if (["received", "forwarded", "answered"].includes(c.status)) actions.append(button(t("resolve"), () => act("resolve"), "resolve"));
  if (c.status === "resolved") actions.append(button(t("close"), () => act("close")));
  if (["resolved", "closed"].includes(c.status)) {
    actions.append(button(t("reopen"), () => { const reason = prompt(t("reason")); if (reason) act("reopen", { reason }); }, "secondary"));
  }
  const parts = [head, actions, problem];
  const optedOut = new Set((await api("/api/channels/sms/opt-outs")).map(o => "phone:" + o.phone));
  for (const handle of d.contactHandles.filter(h => optedOut.has(h))) parts.push(el("div", `${handle.slice(6)} ${t("optedOut")}`, "error opted-out"));

  const deadlines = el("ul", null, "deadlines");
  for (const dl of d.deadlines) deadlines.append(el("li", `${dl.kind}: ${new Date(dl.dueAt).toLocaleString()} · ${dl.state} — ${dl.rule}`, "deadline " + dl.state));
  parts.push(section(t("deadlines"), deadlines));

  const timeline = el("div", null, "timeline");
  timeline.append(...d.messages.map(messageView));
  parts.push(section(t("timeline"), timeline));

  const [reply, replySent] = draftBox(id, "reply", t("reply"));
  let typingSent = 0; // the customer's chat widget shows "an agent is typing" (at most every 3 s)
  reply.addEventListener("input", () => { if (Date.now() - typingSent > 3000) { typingSent = Date.now(); connection.invoke("Typing", id).catch(() => {}); } });
  parts.push(section(t("reply"), form([reply], t("send"), () => act("reply", { text: reply.value }, replySent))));

  const [note, noteSent] = draftBox(id, "note", t("note"));
  parts.push(section(t("note"), form([note], t("addNote"), () => act("notes", { text: note.value }, noteSent))));

  const target = select(departments.map(dep => [dep.id, `${dep.name} (${dep.code})`]), "department");
  const forwardNote = input(t("reason"), "forwardNote");
  const forward = form([target, forwardNote], t("forwardBtn"), () => act("forward", { departmentId: Number(target.value), note: forwardNote.value || null }));
  forward.id = "forward";
  if (departments.length === 0) forward.querySelector("button").disabled = true;
  parts.push(section(t("forward"), forward));

  const classSelect = select([["", "—"], ...["general", "important", "hot", "major"].map(x => [x, x])], "class");
  const category = select([["", "—"], ...categories.map(x => [x.code, lang === "en" ? x.nameEn : x.nameZh])], "category");
  const classReason = input(t("reason"), "classReason");
  parts.push(section(t("classify"), form(isSupervisor() ? [classSelect, category, classReason] : [category], t("classifyBtn"),
    () => act("classify", { class: classSelect.value || null, category: category.value || null, reason: classReason.value || null }))));

  const into = input("TS-…", "into"), mergeReason = input(t("reason"), "mergeReason");
  parts.push(section(t("merge"), form([into, mergeReason], t("mergeBtn"), () => act("merge", { into: into.value, reason: mergeReason.value }))));

  const pName = input(t("name"), "pName"), pPhone = input(t("phone"), "pPhone"), pEmail = input(t("email"), "pEmail");
  parts.push(section(t("complainant"), form([pName, pPhone, pEmail], t("addComplainant"),
    () => act("complainants", { name: pName.value || null, phone: pPhone.value || null, email: pEmail.value || null }))));

  const audit = el("ul", null, "audit");
  for (const a of d.audit) audit.append(el("li", `${new Date(a.at).toLocaleString()} · ${a.actor} · ${a.action}`, "meta"));
  parts.push(section(t("audit"), audit));
  detail.replaceChildren(...parts);
  if (typingIn) document.getElementById(typingIn)?.focus(); // the agent goes on typing where they were
}

// --- live push ---------------------------------------------------------------------------------------------------
async function apply(e) {
  if (e.position <= lastPosition) return;            // already seen (a hand-over between server processes may repeat one)
  if (e.position > lastPosition + 1) return catchUp();  // a gap: fetch what was missed, in order
  lastPosition = e.position;
  await applyOne(e);
  render();
}

async function applyOne(e) {
  const known = cases.has(e.caseId);
  const c = await refreshCase(e.caseId);
  if (e.kind === "case.opened" && !known) announce(c);
  if (e.caseId === selected) await open(selected);
}

async function catchUp() {
  let count = 0;
  for (;;) {
    const page = await connection.invoke("CatchUp", lastPosition);
    for (const e of page.events) { if (e.position === lastPosition + 1) { lastPosition = e.position; await applyOne(e); count++; } }
    if (!page.hasMore) break;
  }
  render();
  return count;
}

function announce(c) {
  if (!document.getElementById("notify").checked) return;
  if ("Notification" in window && Notification.permission === "granted") new Notification(`${t("newCase")} ${c.number}`, { body: c.subject || c.channel });
  try {
    const audio = new AudioContext(), tone = audio.createOscillator();
    tone.frequency.value = 880; tone.connect(audio.destination); tone.start(); tone.stop(audio.currentTime + 0.15);
  } catch { /* no sound available */ }
}

const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/agents").withAutomaticReconnect().build();
connection.on("event", apply);
connection.onreconnecting(() => { statusEl.textContent = t("offline"); statusEl.className = "status offline"; });
connection.onreconnected(async () => {
  const missed = await catchUp();
  statusEl.textContent = `${t("online")} · ${t("caughtUp")} #${lastPosition} (+${missed})`;
  statusEl.className = "status";
});

// --- keyboard ----------------------------------------------------------------------------------------------------
document.addEventListener("keydown", (e) => {
  if (e.target.closest("input, textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
  const list = visible();
  const at = list.findIndex(c => c.id === selected);
  const go = (i) => { if (list[i]) open(list[i].id); };
  switch (e.key) {
    case "j": go(at + 1); break;
    case "k": go(Math.max(0, at - 1)); break;
    case "c": document.querySelector(".actions .claim")?.click(); break;
    case "e": document.querySelector(".actions .resolve")?.click(); break;
    case "r": document.getElementById("reply")?.focus(); break;
    case "n": document.getElementById("note")?.focus(); break;
    case "/": document.getElementById("search").focus(); break;
    default: return;
  }
  e.preventDefault();
});

// --- start ---------------------------------------------------------------------------------------------------------
(async () => {
  translatePage();
  document.getElementById("lang").addEventListener("click", () => {
    lang = lang === "en" ? "zh-CN" : "en"; localStorage.setItem("omniintake.lang", lang); translatePage(); render(); if (selected) open(selected);
  });
  document.getElementById("notify").addEventListener("change", (e) => { if (e.target.checked && "Notification" in window) Notification.requestPermission(); });
  me = await api("/api/auth/me");
  document.getElementById("me").textContent = `${me.displayName} (${me.roles.join(", ")})`;
  [departments, categories] = await Promise.all([api("/api/departments"), api("/api/categories")]);
  for (const ch of ["email", "sms", "chat", "forum", "phone", "walkin", "letter", "api"]) document.getElementById("fChannel").append(new Option(ch, ch));
  for (const cl of ["general", "important", "hot", "major"]) document.getElementById("fClass").append(new Option(cl, cl));
  for (const dep of departments) document.getElementById("fDepartment").append(new Option(dep.name, dep.id));
  // Head first, then the queue, then catch up from the head: nothing that happens in between is missed.
  lastPosition = (await api("/api/events?after=0&limit=1")).head;
  for (const c of await api("/api/cases?open=true&limit=500")) cases.set(c.id, c);
  await connection.start();
  await catchUp();
  statusEl.textContent = t("online");
  render();
  for (const id of ["search", "fChannel", "fClass", "fDepartment"]) document.getElementById(id).addEventListener("input", render);
  for (const r of document.querySelectorAll("input[name=who]")) r.addEventListener("change", render);
  setInterval(tick, 1000);
})();
