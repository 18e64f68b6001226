"use strict";
// Supervisors and admins: what the policy sets for a complaint, the calendar it runs on, the reports it produced.
function cell(row, value) { const td = document.createElement("td"); td.textContent = value ?? ""; row.append(td); return td; }

async function api(path, options) {
  const r = await fetch(path, options);
  if (r.status === 401) { location.href = "/login.html"; throw new Error("signed out"); }
  const body = r.status === 204 ? null : await r.json().catch(() => null);
  if (!r.ok) throw new Error((body && body.detail) || `${r.status} ${r.statusText}`);
  return body;
}

// Now, in the organisation's zone, as ISO 8601 with its offset (e.g. 2026-11-24T09:15:00+08:00).
function nowIn(zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", {
    timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    hourCycle: "h23", timeZoneName: "longOffset",
  }).formatToParts(new Date()).map(p => [p.type, p.value]));
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : parts.timeZoneName.replace("GMT", "");
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

async function loadPresets() {
  const presets = await api("/api/policy/presets");
  const select = document.getElementById("preset");
  for (const p of presets.presets) {
    const option = document.createElement("option");
    option.value = p.name === presets.inForce ? "" : p.name;
    option.textContent = p.name + (p.name === presets.inForce ? " (in force)" : "");
    option.title = p.description;
    if (p.name === presets.inForce) select.prepend(option); else select.append(option);
  }
  select.selectedIndex = 0;
}

document.getElementById("preview").addEventListener("submit", async (e) => {
  e.preventDefault();
  const error = document.getElementById("previewError");
  const table = document.getElementById("deadlines");
  error.textContent = "";
  const preset = document.getElementById("preset").value;
  const query = new URLSearchParams({ channel: document.getElementById("channel").value, receivedAt: document.getElementById("receivedAt").value });
  if (preset) query.set("preset", preset);
  try {
    const preview = await api("/api/policy/preview?" + query);
    const body = table.querySelector("tbody");
    body.replaceChildren(...preview.deadlines.map(d => {
      const row = document.createElement("tr");
      row.dataset.kind = d.kind;
      cell(row, d.kind); cell(row, d.dueAt); cell(row, d.rule); cell(row, d.assumption);
      return row;
    }));
    table.hidden = false;
  } catch (ex) { error.textContent = ex.message; table.hidden = true; }
});

async function loadCalendar() {
  const calendar = await api("/api/calendar");
  document.getElementById("zone").textContent = calendar.timeZone;
  const receivedAt = document.getElementById("receivedAt");
  if (!receivedAt.value) receivedAt.value = nowIn(calendar.timeZone);
  document.getElementById("shipped").textContent =
    `Official holidays and make-up days shipped for ${calendar.shippedYears[0]}-${calendar.shippedYears[calendar.shippedYears.length - 1]}; the days below are this organisation's own.`;
  document.querySelector("#days tbody").replaceChildren(...calendar.adminDays.map(d => {
    const row = document.createElement("tr");
    cell(row, d.day); cell(row, d.working ? "working 工作日" : "day off 休息"); cell(row, d.name); cell(row, d.updatedBy);
    return row;
  }));
}

document.getElementById("setDay").addEventListener("submit", async (e) => {
  e.preventDefault();
  const error = document.getElementById("dayError"), done = document.getElementById("dayDone");
  error.textContent = ""; done.textContent = "";
  const day = document.getElementById("day").value;
  try {
    const changed = await api("/api/calendar/days/" + encodeURIComponent(day), {
      method: "PUT", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ working: document.getElementById("working").checked, name: document.getElementById("dayName").value }),
    });
    done.textContent = `${changed.day} saved; open deadlines are being recomputed (job ${changed.recomputeJobId}).`;
    await loadCalendar();
  } catch (ex) { error.textContent = ex.message.startsWith("403") ? "Only admins change the calendar." : ex.message; }
});

async function loadReports() {
  const reports = await api("/api/reports/generated");
  document.querySelector("#reports tbody").replaceChildren(...reports.map(r => {
    const row = document.createElement("tr");
    cell(row, r.kind); cell(row, r.period); cell(row, r.dueBy); cell(row, new Date(r.generatedAt).toLocaleString());
    const links = cell(row, "");
    for (const format of ["xlsx", "csv"]) {
      const a = document.createElement("a");
      a.href = `/api/reports/generated/${r.id}?format=${format}`; a.textContent = format; a.className = "download";
      links.append(a, " ");
    }
    return row;
  }));
}

Promise.all([loadPresets(), loadCalendar(), loadReports()]).catch(ex => { document.getElementById("previewError").textContent = ex.message; });
