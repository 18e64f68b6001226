"use strict";
document.getElementById("setup").addEventListener("submit", async (e) => {
  e.preventDefault();
  const body = {
    setupCode: document.getElementById("code").value,
    username: document.getElementById("username").value,
    password: document.getElementById("password").value,
  };
  const r = await fetch("/api/setup/admin", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (r.ok) { location.href = "/login.html"; return; }
  const problem = await r.json().catch(() => ({}));
  document.getElementById("error").textContent = problem.detail || ("Set-up failed (" + r.status + ")");
});
