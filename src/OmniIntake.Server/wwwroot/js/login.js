"use strict";
document.getElementById("login").addEventListener("submit", async (e) => {
  e.preventDefault();
  const body = { username: document.getElementById("username").value, password: document.getElementById("password").value };
  const r = await fetch("/api/auth/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (r.ok) { location.href = "/app/"; return; } // the workspace lands each role where it works (issue 14)
  const problem = await r.json().catch(() => ({}));
  document.getElementById("error").textContent = problem.detail || ("Sign-in failed (" + r.status + ")");
});
