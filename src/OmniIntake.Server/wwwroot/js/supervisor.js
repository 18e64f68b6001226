"use strict";
// The supervisors' board: the live picture (refreshed on every pushed event, at most once a second) and the
// indicators over time as Chart.js charts; a click on a bucket lists its cases.
const statusEl = document.getElementById("status");
let trend = [];
let charts = [];

async function api(path) {
  const r = await fetch(path);
  if (r.status === 401) { location.href = "/login.html"; throw new Error("signed out"); }
  if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
  return r.json();
}

function table(id, rows) {
  const t = document.getElementById(id);
  const head = document.createElement("tr");
  for (const h of ["", "in window", "at risk", "breached", "open"]) { const th = document.createElement("th"); th.textContent = h; head.append(th); }
  t.replaceChildren(head, ...rows.map(r => {
    const tr = document.createElement("tr");
    tr.dataset.key = r.key;
    for (const v of [r.key, r.inWindow, r.atRisk, r.breached, r.open]) { const td = document.createElement("td"); td.textContent = v; tr.append(td); }
    if (r.breached > 0) tr.className = "bad";
    return tr;
  }));
}

async function refreshBoard() {
  const view = await api("/api/board");
  const b = view.board;
  document.getElementById("inWindow").textContent = b.inWindow;
  document.getElementById("atRisk").textContent = b.atRisk;
  document.getElementById("breached").textContent = b.breached;
  document.getElementById("awaiting").textContent = b.awaitingAnswer;
  document.getElementById("oldest").textContent = b.oldestWaiting
    ? `最久等待 oldest waiting: ${b.oldestWaiting.number} (${b.oldestWaiting.channel}), received ${new Date(b.oldestWaiting.receivedAt).toLocaleString()}, ${b.oldestWaiting.state}`
    : "没有待转交的案件 nothing waiting to be forwarded";
  document.getElementById("online").textContent = `在线 online: ${view.online.join(", ") || "—"}`;
  table("byChannel", b.byChannel); table("byDepartment", b.byDepartment); table("byAgent", b.byAgent);
}

const pct = v => v == null ? null : Math.round(v * 1000) / 10;

async function refreshTrends() {
  trend = await api("/api/board/trends?by=" + document.getElementById("by").value);
  const labels = trend.map(p => p.from === p.to ? p.from : `${p.from}…${p.to}`);
  for (const c of charts) c.destroy();
  const rates = [
    ["on-time 及时率", "onTimeForwardingRate", "#1b7f3b"], ["delay 延误率", "delayRate", "#b3261e"], ["re-dispatch 改派率", "redispatchRate", "#b26a00"],
    ["repeat 重复投诉率", "repeatComplaintRate", "#8250df"], ["closure 结案率", "closureRate", "#0969da"],
  ];
  const onClick = (_, elements) => { if (elements.length) drill(elements[0].index); };
  charts = [
    new Chart(document.getElementById("rates"), {
      type: "line",
      data: { labels, datasets: rates.map(([label, key, color]) => ({ label, data: trend.map(p => pct(p.indicators[key])), borderColor: color, backgroundColor: color, spanGaps: true })) },
      options: { animation: false, onClick, scales: { y: { min: 0, max: 100, title: { display: true, text: "%" } } } },
    }),
    new Chart(document.getElementById("volume"), {
      type: "bar",
      data: { labels, datasets: [
        { label: "cases 案件数", data: trend.map(p => p.cases), backgroundColor: "#0969da", yAxisID: "y" },
        { label: "satisfaction 满意度 (1-5)", data: trend.map(p => p.indicators.satisfaction), type: "line", borderColor: "#b26a00", yAxisID: "s" },
      ] },
      options: { animation: false, onClick, scales: { y: { beginAtZero: true }, s: { position: "right", min: 1, max: 5 } } },
    }),
  ];
}

// A bar (or a point) drills down to the cases received in its bucket.
async function drill(index) {
  const p = trend[index];
  document.getElementById("drillTitle").textContent = `${p.from} – ${p.to}: ${p.cases}`;
  const list = await api(`/api/cases?from=${p.from}&to=${p.to}&limit=200`);
  document.getElementById("drill").replaceChildren(...list.map(c => {
    const li = document.createElement("li");
    li.textContent = `${c.number} · ${c.channel} · ${c.status} · ${c.class} · ${c.subject || ""}`;
    return li;
  }));
}

let pending = null;
let trendsAt = 0;
function soon() {
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    refreshBoard().catch(e => { statusEl.textContent = e.message; });
    // The charts follow too, at most every 10 s (each bucket is a report query).
    if (Date.now() - trendsAt > 10000) { trendsAt = Date.now(); refreshTrends().catch(e => { statusEl.textContent = e.message; }); }
  }, 1000);
}

const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/agents").withAutomaticReconnect().build();
connection.on("event", soon);
connection.onreconnecting(() => { statusEl.textContent = "离线 offline"; });
connection.onreconnected(() => { statusEl.textContent = "在线 online"; soon(); });

(async () => {
  await refreshBoard();
  await refreshTrends();
  trendsAt = Date.now();
  document.getElementById("by").addEventListener("change", refreshTrends);
  await connection.start();
  statusEl.textContent = "在线 online";
  setInterval(soon, 15000); // at-risk moments pass without an event
})().catch(e => { statusEl.textContent = e.message; });
