/* OmniIntake web chat widget. Embed on any page with one tag:
 *   <script src="https://<hub>/widget.js" defer></script>
 * It opens a complaint conversation with the hub over SignalR (/hubs/chat). The conversation token stays in this
 * browser (localStorage); a reconnect resumes the conversation and re-sends what was not acknowledged, once. */
(function () {
  "use strict";
  if (window.OmniIntakeChat) return;
  var script = document.currentScript;
  var base = script && script.src ? new URL(script.src).origin : location.origin;
  var zh = (navigator.language || "en").toLowerCase().indexOf("zh") === 0;
  var t = zh
    ? { title: "投诉与建议", placeholder: "请输入…", send: "发送", typing: "正在输入…", agentTyping: "客服正在输入…", open: "在线投诉", offline: "连接中断，正在重连…", again: "重新开始", mail: "把对话记录发到邮箱", mailAsk: "请输入您的邮箱：", mailed: "对话记录已发送。" }
    : { title: "Complaints", placeholder: "Type here…", send: "Send", typing: "typing…", agentTyping: "An agent is typing…", open: "Complain online", offline: "Connection lost, reconnecting…", again: "Start again", mail: "E-mail me this conversation", mailAsk: "Your e-mail address:", mailed: "The transcript is on its way." };
  var storeKey = "omniintake.chat." + base;
  var state = JSON.parse(localStorage.getItem(storeKey) || "{}"); // { token, last }
  var shown = new Set();
  var pending = []; // messages not yet acknowledged by the hub: { clientId, text }
  var connection;

  function save() { localStorage.setItem(storeKey, JSON.stringify(state)); }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }

  // A stylesheet, not inline styles, so a page with a strict Content-Security-Policy (style-src 'self' <hub>) works.
  var css = el("link");
  css.rel = "stylesheet";
  css.href = base + "/widget.css";
  document.head.appendChild(css);

  var launch = el("button", "oi-launch", t.open);
  var box = el("section", "oi-chat");
  box.hidden = true;
  box.setAttribute("aria-label", t.title);
  var head = el("div", "oi-head");
  head.appendChild(el("strong", null, t.title));
  var restart = el("button", null, "↺"); restart.title = t.again; restart.setAttribute("aria-label", t.again);
  var close = el("button", null, "×"); close.setAttribute("aria-label", "close");
  var mail = el("button", null, "✉"); mail.title = t.mail; mail.setAttribute("aria-label", t.mail);
  var tools = el("span"); tools.appendChild(mail); tools.appendChild(restart); tools.appendChild(close); head.appendChild(tools);
  var log = el("div", "oi-log"); log.setAttribute("role", "log"); log.setAttribute("aria-live", "polite");
  var status = el("div", "oi-status");
  var form = el("form", "oi-form");
  var input = el("textarea"); input.placeholder = t.placeholder; input.setAttribute("aria-label", t.placeholder); input.maxLength = 2000;
  var send = el("button", null, t.send); send.type = "submit";
  form.appendChild(input); form.appendChild(send);
  box.appendChild(head); box.appendChild(log); box.appendChild(status); box.appendChild(form);
  document.body.appendChild(launch); document.body.appendChild(box);

  function show(message) {
    if (shown.has(message.id)) return;
    shown.add(message.id);
    if (message.id > (state.last || 0)) { state.last = message.id; save(); }
    if (message.direction === "customer") {
      // Our own message, echoed on resume: replace the pending copy if it is still on screen.
      var mine = log.querySelector(".oi-pending");
      if (mine && mine.textContent === message.text) { mine.classList.remove("oi-pending"); return; }
    }
    var bubble = el("div", "oi-msg oi-" + message.direction, message.text); // text, never HTML
    bubble.dataset.id = message.id;
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
  }
  function showAll(list) { (list || []).forEach(show); }

  function load(src) { return new Promise(function (ok, fail) { var s = el("script"); s.src = src; s.onload = ok; s.onerror = fail; document.head.appendChild(s); }); }

  async function connect() {
    if (!window.signalR) await load(base + "/lib/signalr/signalr.min.js");
    connection = new signalR.HubConnectionBuilder().withUrl(base + "/hubs/chat").withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000]).build();
    connection.on("messages", showAll);
    var typingTimer;
    connection.on("typing", function (who) {
      if (who !== "agent") return;
      status.textContent = t.agentTyping;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { if (status.textContent === t.agentTyping) status.textContent = ""; }, 4000);
    });
    connection.onreconnecting(function () { status.textContent = t.offline; });
    connection.onreconnected(async function () { status.textContent = ""; await resume(); await flush(); });
    await connection.start();
    // A fresh page shows the whole conversation; a reconnect (onreconnected) asks only for what it missed.
    if (state.token) { state.last = 0; await resume(); } else await start();
  }

  async function start() {
    var session = await connection.invoke("Start", navigator.language || "en");
    state = { token: session.token, last: 0 }; save();
    log.replaceChildren(); shown.clear();
    showAll(session.messages);
  }

  async function resume() {
    try {
      var session = await connection.invoke("Resume", state.token, state.last || 0);
      showAll(session.messages);
    } catch (e) {
      if (String(e).indexOf("Unknown conversation") >= 0) await start(); else throw e;
    }
  }

  async function flush() {
    while (pending.length) {
      var next = pending[0];
      status.textContent = t.typing;
      var turn = await connection.invoke("Send", state.token, next.clientId, next.text);
      pending.shift();
      var mine = log.querySelector(".oi-pending"); if (mine) mine.classList.remove("oi-pending");
      showAll(turn.messages);
      status.textContent = "";
    }
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    var clientId = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
    pending.push({ clientId: clientId, text: text });
    var bubble = el("div", "oi-msg oi-customer oi-pending", text);
    log.appendChild(bubble); log.scrollTop = log.scrollHeight;
    try { await flush(); } catch (e) { status.textContent = connection.state === "Connected" ? String(e.message || e).replace(/^.*HubException: /, "") : t.offline; }
  });
  input.addEventListener("keydown", function (event) { if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); } });
  var typingSent = 0;
  input.addEventListener("input", function () { if (state.token && connection && Date.now() - typingSent > 3000) { typingSent = Date.now(); connection.invoke("Typing", state.token).catch(function () {}); } });
  mail.addEventListener("click", async function () {
    var address = window.prompt(t.mailAsk);
    if (!address) return;
    try { await connection.invoke("EmailTranscript", state.token, address); status.textContent = t.mailed; }
    catch (e) { status.textContent = String(e.message || e).replace(/^.*HubException: /, ""); }
  });
  restart.addEventListener("click", function () { state = {}; save(); pending = []; start(); });
  close.addEventListener("click", function () { box.hidden = true; launch.hidden = false; });
  var started = false;
  launch.addEventListener("click", function () {
    box.hidden = false; launch.hidden = true; input.focus();
    if (!started) { started = true; connect().catch(function (e) { status.textContent = String(e.message || e); started = false; }); }
  });
  window.OmniIntakeChat = { open: function () { launch.click(); } };
  if (state.token || (script && script.dataset.open === "true")) launch.click();
})();
