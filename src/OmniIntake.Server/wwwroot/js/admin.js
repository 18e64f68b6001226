"use strict";
// Admins: users (roles, the department an owner answers for, lockouts, passwords) and departments.
const ROLES = ["agent", "owner", "supervisor", "admin"];
let departments = [];

function el(tag, value, cls) { const e = document.createElement(tag); if (value != null) e.textContent = value; if (cls) e.className = cls; return e; }

async function api(path, method, body) {
  const r = await fetch(path, body === undefined ? { method } : { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (r.status === 401) { location.href = "/login.html"; throw new Error("signed out"); }
  if (!r.ok) { const p = await r.json().catch(() => ({})); throw new Error(p.detail || `${r.status} ${r.statusText}`); }
  return r.status === 204 ? null : r.json();
}

function departmentSelect(selected) {
  const s = document.createElement("select");
  s.append(new Option("—", ""));
  for (const d of departments) s.append(new Option(`${d.name} (${d.code})`, d.id, false, d.id === selected));
  return s;
}

function roleBoxes(checked) {
  const span = el("span", null, "roles");
  for (const role of ROLES) {
    const label = el("label", null, "inline small"), box = document.createElement("input");
    box.type = "checkbox"; box.value = role; box.checked = checked.includes(role);
    label.append(box, " " + role);
    span.append(label);
  }
  return span;
}

const chosen = (span) => [...span.querySelectorAll("input:checked")].map(b => b.value);

async function load() {
  departments = await api("/api/departments", "GET");
  const users = await api("/api/users", "GET");
  const head = el("tr");
  for (const h of ["username", "display name", "roles", "department", ""]) head.append(el("th", h));
  document.getElementById("users").replaceChildren(head, ...users.map(u => {
    const tr = el("tr"); tr.dataset.username = u.username;
    const name = document.createElement("input"); name.value = u.displayName;
    const roles = roleBoxes(u.roles), department = departmentSelect(u.departmentId);
    // Each row's fields say whose they are (axe: every form field has a name; issue 14.6).
    name.setAttribute("aria-label", `显示名 Display name: ${u.username}`);
    department.setAttribute("aria-label", `部门 Department: ${u.username}`);
    const save = el("button", "保存 Save"); save.type = "button";
    const reset = el("button", "重置密码 Reset password", "secondary"); reset.type = "button";
    save.addEventListener("click", () => act(() => api(`/api/users/${u.id}`, "PUT",
      { displayName: name.value, roles: chosen(roles), departmentId: department.value ? Number(department.value) : null, unlock: true })));
    reset.addEventListener("click", () => { const p = prompt("新密码 New password"); if (p) act(() => api(`/api/users/${u.id}/password`, "PUT", { password: p })); });
    for (const cell of [el("span", u.username), name, roles, department]) { const td = el("td"); td.append(cell); tr.append(td); }
    const td = el("td"); td.append(save, " ", reset); tr.append(td);
    return tr;
  }));
  const dHead = el("tr");
  for (const h of ["id", "code", "name"]) dHead.append(el("th", h));
  document.getElementById("departments").replaceChildren(dHead, ...departments.map(d => {
    const tr = el("tr"); for (const v of [d.id, d.code, d.name]) tr.append(el("td", v)); return tr;
  }));
  document.getElementById("uDepartment").replaceWith(Object.assign(departmentSelect(null), { id: "uDepartment" }));
}

async function act(work, errorId = "userError") {
  document.getElementById(errorId).textContent = "";
  try { await work(); await load(); } catch (e) { document.getElementById(errorId).textContent = e.message; }
}

document.getElementById("uRoles").append(roleBoxes(["agent"]));
document.getElementById("newUser").addEventListener("submit", (e) => {
  e.preventDefault();
  const department = document.getElementById("uDepartment").value;
  act(() => api("/api/users", "POST", {
    username: document.getElementById("uName").value, displayName: document.getElementById("uDisplay").value || null,
    password: document.getElementById("uPassword").value, roles: chosen(document.getElementById("uRoles")),
    departmentId: department ? Number(department) : null,
  }));
});
document.getElementById("newDepartment").addEventListener("submit", (e) => {
  e.preventDefault();
  act(() => api("/api/departments", "POST", { code: document.getElementById("dCode").value, name: document.getElementById("dName").value }), "departmentError");
});
load().catch(e => { document.getElementById("userError").textContent = e.message; });
