"use strict";
// Sign-out and the way back to the workspace on the pages not yet rebuilt in it (issue 14: sign-out everywhere).
document.addEventListener("DOMContentLoaded", () => {
  const header = document.querySelector("header");
  if (!header) return;
  const back = document.createElement("a");
  back.href = "/app/";
  back.textContent = "工作台 Workspace";
  const out = document.createElement("button");
  out.type = "button";
  out.className = "signout";
  out.textContent = "退出登录 Sign out";
  out.addEventListener("click", async () => {
    await fetch("/api/auth/logout", { method: "POST" }).catch(() => null);
    location.href = "/app/signin";
  });
  header.append(back, out);
});
