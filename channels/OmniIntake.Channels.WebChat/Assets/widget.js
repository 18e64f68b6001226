// Generated from src/OmniIntake.Server/ClientApp/widget/widget.ts by `npm run build:widget`: edit the source, not this file.
/* OmniIntake web chat widget. Embed on any page with one tag:
 *   <script src="https://<hub>/widget.js" defer></script>
 * It opens a complaint conversation with the hub over SignalR (/hubs/chat). The conversation token stays in this
 * browser (localStorage); a reconnect resumes the conversation and re-sends what was not acknowledged, once.
 * Source: ClientApp/widget/widget.ts (TypeScript, strict); `npm run build:widget` writes the channel's Assets/widget.js.
 * It stays one dependency-free script (issue 14 item 1): no imports, the SignalR client loaded from the hub at run time. */
(function () {
    "use strict";
    if (window.OmniIntakeChat)
        return;
    const script = document.currentScript;
    const base = script && script.src ? new URL(script.src).origin : location.origin;
    const zh = (navigator.language || "en").toLowerCase().indexOf("zh") === 0;
    const t = zh
        ? { title: "投诉与建议", placeholder: "请输入…", send: "发送", typing: "正在输入…", agentTyping: "客服正在输入…", open: "在线投诉", offline: "连接中断，正在重连…", again: "重新开始", close: "关闭", mail: "把对话记录发到邮箱", mailAsk: "请输入您的邮箱：", mailing: "对话记录正在发送至 {0}。", mailLimited: "发送次数过多，请一小时后再试。", attach: "发送图片或文件", uploading: "正在发送 {0}…", tooLarge: "文件太大：请发送不超过 {0} 的图片或 PDF 文件。", wrongType: "只能发送图片（JPG、PNG、WebP、GIF）或 PDF 文件。", beforeCase: "请先简单描述您的问题，投诉登记后即可发送图片或文件。", fileFailed: "文件发送失败，请稍后再试。", filePending: "文件已收到，投诉登记时会一并附上。" }
        : { title: "Complaints", placeholder: "Type here…", send: "Send", typing: "typing…", agentTyping: "An agent is typing…", open: "Complain online", offline: "Connection lost, reconnecting…", again: "Start again", close: "Close", mail: "E-mail me this conversation", mailAsk: "Your e-mail address:", mailing: "The transcript is being sent to {0}.", mailLimited: "Too many transcripts: please try again in an hour.", attach: "Send a photo or a file", uploading: "Sending {0}…", tooLarge: "The file is too large: please send an image or PDF of at most {0}.", wrongType: "Only images (JPG, PNG, WebP, GIF) and PDF files can be sent.", beforeCase: "Please describe your problem first; once the complaint is registered you can send photos and files.", fileFailed: "The file could not be sent; please try again later.", filePending: "File received; it will be added to your complaint when it is registered." };
    const storeKey = "omniintake.chat." + base;
    let state = JSON.parse(localStorage.getItem(storeKey) || "{}");
    const shown = new Set();
    /** Messages not yet acknowledged by the hub. */
    let pending = [];
    let connection;
    function save() { localStorage.setItem(storeKey, JSON.stringify(state)); }
    function el(tag, cls, text) {
        const e = document.createElement(tag);
        if (cls)
            e.className = cls;
        if (text != null)
            e.textContent = text;
        return e;
    }
    function errorText(e) { return String(e instanceof Error ? e.message : e); }
    function newId() { return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random(); }
    // A stylesheet, not inline styles, so a page with a strict Content-Security-Policy (style-src 'self' <hub>) works.
    const css = el("link");
    css.rel = "stylesheet";
    css.href = base + "/widget.css";
    document.head.appendChild(css);
    const launch = el("button", "oi-launch", t.open);
    const box = el("section", "oi-chat");
    box.hidden = true;
    box.setAttribute("aria-label", t.title);
    const head = el("div", "oi-head");
    head.appendChild(el("strong", null, t.title));
    const restart = el("button", null, "↺");
    restart.title = t.again;
    restart.setAttribute("aria-label", t.again);
    const close = el("button", null, "×");
    close.setAttribute("aria-label", t.close);
    // Shown only when the hub says it can e-mail (an e-mail sender is configured) and the complaint is registered (issue 16 item 3).
    const mail = el("button", null, "✉");
    mail.title = t.mail;
    mail.setAttribute("aria-label", t.mail);
    mail.hidden = true;
    const tools = el("span");
    tools.appendChild(mail);
    tools.appendChild(restart);
    tools.appendChild(close);
    head.appendChild(tools);
    const log = el("div", "oi-log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    const status = el("div", "oi-status");
    const form = el("form", "oi-form");
    const input = el("textarea");
    input.placeholder = t.placeholder;
    input.setAttribute("aria-label", t.placeholder);
    input.maxLength = 2000;
    input.setAttribute("enterkeyhint", "send");
    const send = el("button", null, t.send);
    send.type = "submit";
    // Issue 16 item 4: a paperclip; on a phone the picker offers the camera and the photos. Images and PDF only.
    // Drawn, not an emoji: a phone or desktop without an emoji font showed an empty box.
    const clip = el("button", "oi-attach");
    clip.type = "button";
    clip.title = t.attach;
    clip.setAttribute("aria-label", t.attach);
    const svgNs = "http://www.w3.org/2000/svg";
    const icon = document.createElementNS(svgNs, "svg");
    const path = document.createElementNS(svgNs, "path");
    icon.setAttribute("viewBox", "0 0 24 24");
    icon.setAttribute("width", "22");
    icon.setAttribute("height", "22");
    icon.setAttribute("aria-hidden", "true");
    path.setAttribute("d", "M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5");
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", "currentColor");
    path.setAttribute("stroke-width", "1.8");
    path.setAttribute("stroke-linecap", "round");
    icon.appendChild(path);
    clip.appendChild(icon);
    const picker = el("input");
    picker.type = "file";
    picker.accept = "image/jpeg,image/png,image/webp,image/gif,application/pdf";
    picker.hidden = true;
    form.appendChild(clip);
    form.appendChild(picker);
    form.appendChild(input);
    form.appendChild(send);
    box.appendChild(head);
    box.appendChild(log);
    box.appendChild(status);
    box.appendChild(form);
    document.body.appendChild(launch);
    document.body.appendChild(box);
    // Phones (issue 16 item 2): full screen, sized to the visual viewport, which excludes the on-screen keyboard and
    // follows a page that is zoomed or wider than the screen; a desktop keeps the corner panel.
    const viewport = window.visualViewport;
    function isPhone() { return Math.min(screen.width || innerWidth, innerWidth) <= 480; }
    function layout() {
        const full = isPhone();
        box.classList.toggle("oi-full", full);
        document.documentElement.classList.toggle("oi-chat-open", full && !box.hidden);
        if (!full || !viewport)
            return;
        box.style.setProperty("--oi-left", viewport.offsetLeft + "px");
        box.style.setProperty("--oi-top", viewport.offsetTop + "px");
        box.style.setProperty("--oi-width", viewport.width + "px");
        box.style.setProperty("--oi-height", viewport.height + "px");
        // The keyboard took room: keep the latest message in sight above the input.
        if (document.activeElement === input)
            log.scrollTop = log.scrollHeight;
    }
    if (viewport) {
        viewport.addEventListener("resize", layout);
        viewport.addEventListener("scroll", layout);
    }
    window.addEventListener("resize", layout);
    window.addEventListener("orientationchange", layout);
    layout();
    // Web addresses in a message become links the customer can tap (issue 16 item 3); everything else stays text.
    const linkPattern = /https?:\/\/[^\s<>"'\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+/g;
    function fill(bubble, text) {
        let at = 0;
        let match;
        linkPattern.lastIndex = 0;
        while ((match = linkPattern.exec(text))) {
            const url = match[0].replace(/[.,;:!?)\]]+$/, "");
            if (match.index > at)
                bubble.appendChild(document.createTextNode(text.slice(at, match.index)));
            const a = el("a", null, url);
            a.href = url;
            a.target = "_blank";
            a.rel = "noopener noreferrer";
            bubble.appendChild(a);
            at = match.index + url.length;
            linkPattern.lastIndex = at;
        }
        if (at < text.length)
            bubble.appendChild(document.createTextNode(text.slice(at)));
    }
    function show(message) {
        if (shown.has(message.id))
            return;
        shown.add(message.id);
        if (message.id > (state.last || 0)) {
            state.last = message.id;
            save();
        }
        if (message.direction === "customer") {
            // Our own message, echoed on resume: replace the pending copy if it is still on screen.
            const mine = log.querySelector(".oi-pending");
            if (mine && mine.textContent === message.text) {
                mine.classList.remove("oi-pending");
                mine.dataset.id = String(message.id);
                return;
            }
        }
        const bubble = el("div", "oi-msg oi-" + message.direction); // text and links, never HTML
        let text = message.text;
        // A file message ("📎 name (size)"): the drawn paperclip instead of the emoji, which shows as an empty box without an emoji font.
        if (text.indexOf("\ud83d\udcce ") === 0) {
            const mark = icon.cloneNode(true);
            mark.setAttribute("class", "oi-file-icon");
            bubble.appendChild(mark);
            text = text.slice(3);
        }
        fill(bubble, text);
        bubble.dataset.id = String(message.id);
        log.appendChild(bubble);
        log.scrollTop = log.scrollHeight;
    }
    function showAll(list) { (list || []).forEach(show); }
    function load(src) {
        return new Promise(function (ok, fail) {
            const s = el("script");
            s.src = src;
            s.onload = () => ok();
            s.onerror = fail;
            document.head.appendChild(s);
        });
    }
    /** Hears a pushed method of the chat hub by its contract name, with that method's payload (issue 13 item 7). */
    function onPush(c, method, handler) {
        c.on(method, handler);
    }
    /** The open connection; the hub is always connected before the customer can send anything. */
    function hub() {
        if (!connection)
            throw new Error(t.offline);
        return connection;
    }
    async function connect() {
        if (!window.signalR)
            await load(base + "/lib/signalr/signalr.min.js");
        const signalR = window.signalR;
        const built = new signalR.HubConnectionBuilder().withUrl(base + "/hubs/chat").withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000]).build();
        connection = built;
        onPush(built, "messages", showAll);
        let typingTimer;
        onPush(built, "typing", function (who) {
            if (who !== "agent")
                return;
            status.textContent = t.agentTyping;
            clearTimeout(typingTimer);
            typingTimer = setTimeout(function () { if (status.textContent === t.agentTyping)
                status.textContent = ""; }, 4000);
        });
        built.onreconnecting(function () { status.textContent = t.offline; });
        built.onreconnected(async function () { status.textContent = ""; await resume(); await flush(); });
        await built.start();
        // A fresh page shows the whole conversation; a reconnect (onreconnected) asks only for what it missed.
        if (state.token) {
            state.last = 0;
            await resume();
        }
        else
            await start();
    }
    let canMail = false;
    // What the hub offers now: the transcript by e-mail once the complaint has a number and the hub can send e-mail.
    function offer(session) {
        if (session.canEmailTranscript !== undefined)
            canMail = session.canEmailTranscript;
        mail.hidden = !(canMail && session.caseNumber);
    }
    async function start() {
        const session = await hub().invoke("Start", navigator.language || "en");
        state = { token: session.token, last: 0 };
        save();
        log.replaceChildren();
        shown.clear();
        offer(session);
        showAll(session.messages);
    }
    async function resume() {
        try {
            const session = await hub().invoke("Resume", state.token, state.last || 0);
            offer(session);
            showAll(session.messages);
        }
        catch (e) {
            if (String(e).indexOf("Unknown conversation") >= 0)
                await start();
            else
                throw e;
        }
    }
    async function flush() {
        let next = pending[0];
        while (next) {
            status.textContent = t.typing;
            const turn = await hub().invoke("Send", state.token, next.clientId, next.text);
            pending.shift();
            const mine = log.querySelector(".oi-pending");
            if (mine)
                mine.classList.remove("oi-pending");
            offer(turn);
            showAll(turn.messages);
            status.textContent = "";
            next = pending[0];
        }
    }
    form.addEventListener("submit", async function (event) {
        event.preventDefault();
        const text = input.value.trim();
        if (!text)
            return;
        input.value = "";
        pending.push({ clientId: newId(), text: text });
        const bubble = el("div", "oi-msg oi-customer oi-pending", text);
        log.appendChild(bubble);
        log.scrollTop = log.scrollHeight;
        try {
            await flush();
        }
        catch (e) {
            status.textContent = connection?.state === "Connected" ? errorText(e).replace(/^.*HubException: /, "") : t.offline;
        }
    });
    input.addEventListener("keydown", function (event) { if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        form.requestSubmit();
    } });
    let typingSent = 0;
    input.addEventListener("input", function () {
        if (state.token && connection && Date.now() - typingSent > 3000) {
            typingSent = Date.now();
            connection.invoke("Typing", state.token).catch(function () { });
        }
    });
    mail.addEventListener("click", async function () {
        const address = window.prompt(t.mailAsk);
        if (!address)
            return;
        try {
            const outcome = await hub().invoke("EmailTranscript", state.token, address);
            status.textContent = outcome === "queued" || outcome === "alreadyqueued" ? t.mailing.replace("{0}", address) : t.mailLimited;
        }
        catch (e) {
            status.textContent = errorText(e).replace(/^.*HubException: /, "");
        }
    });
    clip.addEventListener("click", function () { picker.click(); });
    function sizeText(bytes) { return bytes >= 1048576 ? (Math.round(bytes / 104857.6) / 10) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB"; }
    picker.addEventListener("change", function () {
        const file = picker.files && picker.files[0];
        picker.value = "";
        if (!file || !state.token)
            return;
        // XMLHttpRequest, not fetch: it reports the upload's progress.
        const xhr = new XMLHttpRequest();
        const body = new FormData();
        body.append("file", file, file.name);
        body.append("clientId", newId());
        xhr.open("POST", base + "/api/chat/files");
        xhr.setRequestHeader("X-Chat-Token", state.token);
        clip.disabled = true;
        status.textContent = t.uploading.replace("{0}", "0%");
        xhr.upload.onprogress = function (e) { if (e.lengthComputable)
            status.textContent = t.uploading.replace("{0}", Math.round(e.loaded * 100 / e.total) + "%"); };
        xhr.onloadend = function () {
            clip.disabled = false;
            let data;
            try {
                data = JSON.parse(xhr.responseText);
            }
            catch {
                data = null;
            }
            if (xhr.status === 200 && data && data.message) {
                status.textContent = data.caseNumber ? "" : t.filePending;
                show(data.message);
                return;
            }
            const code = data && data.code;
            status.textContent = code === "attachment.too-large" ? t.tooLarge.replace("{0}", sizeText(data?.maxBytes || 0))
                : code === "attachment.type-not-allowed" || code === "attachment.empty" ? t.wrongType
                    : code === "attachment.before-case" ? t.beforeCase
                        : xhr.status === 413 ? t.tooLarge.replace("{0}", "10 MB") : t.fileFailed;
        };
        xhr.send(body);
    });
    restart.addEventListener("click", function () { state = {}; save(); pending = []; void start(); });
    close.addEventListener("click", function () { box.hidden = true; launch.hidden = false; layout(); });
    let started = false;
    launch.addEventListener("click", function () {
        box.hidden = false;
        launch.hidden = true;
        layout();
        // On a phone, focusing would open the keyboard over the greeting before it is read; the customer taps the input.
        if (!isPhone())
            input.focus();
        if (!started) {
            started = true;
            connect().catch(function (e) { status.textContent = errorText(e); started = false; });
        }
    });
    window.OmniIntakeChat = { open: function () { launch.click(); } };
    if (state.token || (script && script.dataset.open === "true"))
        launch.click();
})();
