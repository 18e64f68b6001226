"use strict";
// The token is in the fragment (never sent to servers or logs); it goes to the API in the path of an XHR only.
const token = decodeURIComponent(location.hash.slice(1));
const form = document.getElementById("followup");
const error = document.getElementById("error");
const done = document.getElementById("done");

function finish(text) {
  for (const el of form.querySelectorAll("fieldset, textarea, button, label[for]")) el.hidden = true;
  done.textContent = text;
  done.hidden = false;
}

async function load() {
  const r = await fetch("/api/follow-up/" + encodeURIComponent(token));
  const body = await r.json().catch(() => ({}));
  if (!r.ok) { finish(body.detail || "This link is not valid. 链接无效。"); return; }
  document.getElementById("case").textContent = body.caseNumber;
  if (body.answered) finish("您已提交过回访，谢谢！ You already answered this follow-up, thank you.");
}

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const satisfaction = form.querySelector("input[name=satisfaction]:checked");
  const solved = form.querySelector("input[name=solved]:checked");
  if (!satisfaction || !solved) { error.textContent = "请选择满意度和是否解决。 Choose a rating and whether it is solved."; return; }
  const body = { satisfaction: Number(satisfaction.value), solved: solved.value === "true", comment: document.getElementById("comment").value || null };
  const r = await fetch("/api/follow-up/" + encodeURIComponent(token),
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (r.ok) {
    finish(body.solved ? "谢谢您的评价！ Thank you for your answer."
      : "谢谢！我们已重新开启您的投诉，将尽快处理。 Thank you: your complaint is open again and we are on it.");
    return;
  }
  const problem = await r.json().catch(() => ({}));
  error.textContent = problem.detail || ("Sending failed (" + r.status + ")");
});

load();
