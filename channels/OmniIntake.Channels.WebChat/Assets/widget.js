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
    ? { title: "投诉与建议", placeholder: "请输入…", send: "发送", typing: "正在输入…", open: "在线投诉", offline: "连接中断，正在重连…", again: "重新开始" }
    : { title: "Complaints", placeholder: "Type here…", send: "Send", typing: "typing…", open: "Complain online", offline: "Connection lost, reconnecting…", again: "Start again" };
  var storeKey = "omniintake.chat." + base;
  var state = JSON.parse(localStorage.getItem(storeKey) || "{}"); // { token, last }
  var shown = new Set();
  var pending = []; // messages not yet acknowledged by the hub: { clientId, text }
  var connection;

  function save() { localStorage.setItem(storeKey, JSON.stringify(state)); }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }

  var css = el("style");
  css.textContent =
    ".oi-chat{position:fixed;right:16px;bottom:16px;width:360px;max-width:calc(100vw - 32px);height:520px;max-height:calc(100vh - 32px);display:flex;flex-direction:column;background:#fff;border:1px solid #ccd;border-radius:12px;box-shadow:0 6px 24px rgba(0,0,0,.18);font:15px/1.45 system-ui,'PingFang SC','Microsoft YaHei',sans-serif;color:#222;z-index:2147483000}" +
    ".oi-chat[hidden]{display:none}.oi-head{padding:10px 14px;background:#0b5cad;color:#fff;border-radius:12px 12px 0 0;display:flex;justify-content:space-between;align-items:center}" +
    ".oi-head button{background:none;border:0;color:#fff;font-size:18px;cursor:pointer}.oi-log{flex:1;overflow-y:auto;padding:10px}" +
    ".oi-msg{margin:6px 0;padding:8px 10px;border-radius:10px;max-width:85%;white-space:pre-wrap;word-wrap:break-word}" +
    ".oi-customer{background:#dbeafe;margin-left:auto}.oi-bot{background:#f1f3f5}.oi-agent{background:#dcfce7}.oi-pending{opacity:.6}" +
    ".oi-status{font-size:12px;color:#666;padding:0 12px;min-height:16px}.oi-form{display:flex;gap:6px;padding:8px;border-top:1px solid #eee}" +
    ".oi-form textarea{flex:1;resize:none;height:44px;font:inherit;padding:6px;border:1px solid #ccd;border-radius:8px}" +
    ".oi-form button{padding:0 14px;border:0;border-radius:8px;background:#0b5cad;color:#fff;font:inherit;cursor:pointer}" +
    ".oi-launch{position:fixed;right:16px;bottom:16px;padding:12px 18px;border:0;border-radius:24px;background:#0b5cad;color:#fff;font:15px system-ui,sans-serif;cursor:pointer;z-index:2147483000}" +
    "@media (max-width:480px){.oi-chat{right:0;bottom:0;width:100vw;max-width:100vw;height:100vh;max-height:100vh;border-radius:0}.oi-head{border-radius:0}}";
  document.head.appendChild(css);

  var launch = el("button", "oi-launch", t.open);
  var box = el("section", "oi-chat");
  box.hidden = true;
  box.setAttribute("aria-label", t.title);
  var head = el("div", "oi-head");
  head.appendChild(el("strong", null, t.title));
  var restart = el("button", null, "↺"); restart.title = t.again; restart.setAttribute("aria-label", t.again);
  var close = el("button", null, "×"); close.setAttribute("aria-label", "close");
  var tools = el("span"); tools.appendChild(restart); tools.appendChild(close); head.appendChild(tools);
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
    connection.onreconnecting(function () { status.textContent = t.offline; });
    connection.onreconnected(async function () { status.textContent = ""; await resume(); await flush(); });
    await connection.start();
    if (state.token) await resume(); else await start();
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
