"use strict";
// The department owner's view: my department's cases with their 4-hour answer countdown; the written answer, a
// request for the centre's help, or sending a wrongly routed case back. Refreshed every 15 s.
const list = document.getElementById("cases");
const detail = document.getElementById("detail");
let cases = [];
let selected = null;

function el(tag, value, cls) { const e = document.createElement(tag); if (value != null) e.textContent = value; if (cls) e.className = cls; return e; }

async function api(path, options) {
  const r = await fetch(path, options);
  if (r.status === 401) { location.href = "/login.html"; throw new Error("signed out"); }
  if (!r.ok) { const p = await r.json().catch(() => ({})); throw new Error(p.detail || `${r.status} ${r.statusText}`); }
  return r.status === 204 ? null : r.json();
}

function left(c) {
  if (!c.answerDueAt) return ["—", ""];
  const ms = new Date(c.answerDueAt) - Date.now();
  if (ms <= 0) return ["超时 overdue", "breached"];
  const h = Math.floor(ms / 3600000), m = Math.floor(ms / 60000) % 60;
  return [`${h}h ${String(m).padStart(2, "0")}m`, ms < 3600000 ? "risk" : ""];
}

function render() {
  list.replaceChildren(...cases.map(c => {
    const li = el("li");
    const [due, cls] = left(c);
    li.append(el("span", due, "due " + cls), el("strong", c.number), el("div", `${c.channel} · ${c.status} · ${c.class}`, "meta"), el("div", c.subject || ""));
    if (c.id === selected) li.className = "selected";
    li.addEventListener("click", () => open(c.id));
    return li;
  }));
}

async function load() {
  try {
    cases = await api("/api/owner/cases");
    document.getElementById("status").textContent = "";
  } catch (e) { document.getElementById("status").textContent = e.message; }
  render();
}

async function open(id) {
  selected = id;
  render();
  const d = await api(`/api/owner/cases/${id}`);
  const problem = el("p", "", "error"); problem.setAttribute("role", "alert");
  const box = (id, label, path) => {
    const area = document.createElement("textarea"); area.id = id; area.setAttribute("aria-label", label);
    const f = document.createElement("form");
    f.append(el("h3", label), area, el("button", label));
    f.addEventListener("submit", async (e) => {
      e.preventDefault(); problem.textContent = "";
      try { await api(`/api/cases/${d.case.id}/${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: area.value }) }); await load(); await open(id === "answer" ? d.case.id : d.case.id); }
      catch (ex) { problem.textContent = ex.message; }
    });
    return f;
  };
  const parts = [el("h2", `${d.case.number} · ${d.case.status}`), problem];
  for (const dl of d.deadlines.filter(x => x.kind !== "forward")) parts.push(el("div", `${dl.kind}: ${new Date(dl.dueAt).toLocaleString()} · ${dl.state}`, "meta"));
  for (const m of d.messages.filter(x => x.direction !== "notification")) {
    const div = el("div", null, "message " + m.direction);
    div.append(el("div", `${m.direction} · ${m.author || m.sender} · ${new Date(m.createdAt).toLocaleString()}`, "meta"), el("div", m.bodyText, "body"));
    parts.push(div);
  }
  parts.push(box("answer", "书面答复 Written answer", "answer"), box("help", "请中心协助 Ask the centre for help", "help"),
    box("sendBack", "退回(非本部门) Send back: not ours", "send-back"));
  detail.replaceChildren(...parts);
}

(async () => {
  const me = await api("/api/auth/me");
  document.getElementById("me").textContent = `${me.displayName} (${me.roles.join(", ")})`;
  await load();
  setInterval(load, 15000);
  setInterval(render, 30000);
})();
