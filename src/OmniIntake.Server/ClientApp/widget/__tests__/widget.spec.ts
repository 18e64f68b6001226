import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
// The build's own transpile (scripts/widget-build.mjs), so the check below is of the very step that wrote the file.
import { source, target, transpile } from "../../scripts/widget-build.mjs";

const built = readFileSync(target, "utf8");

/** A stand-in for the SignalR client the widget loads from the hub: answers Start as ChatHub does. */
function fakeSignalR(answers: Record<string, unknown>, calls: string[]) {
  const connection = {
    state: "Connected",
    on: () => undefined,
    onreconnecting: () => undefined,
    onreconnected: () => undefined,
    start: async () => undefined,
    invoke: async (method: string) => {
      calls.push(method);
      return answers[method];
    },
  };
  const builder = { withUrl: () => builder, withAutomaticReconnect: () => builder, build: () => connection };
  return { HubConnectionBuilder: function () { return builder; } };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe("the chat widget (issue 14 item 1: TypeScript, still one dependency-free script)", () => {
  beforeEach(() => {
    document.head.replaceChildren();
    document.body.replaceChildren();
    localStorage.clear();
    delete (window as { OmniIntakeChat?: unknown }).OmniIntakeChat;
  });

  it("is committed as the transpile of its TypeScript source (run npm run build:widget after editing widget.ts)", () => {
    expect(built).toBe(transpile(readFileSync(source, "utf8")));
    expect(built).not.toMatch(/^\s*(import|export)\b/m);
  });

  it("opens, greets in the customer's language and makes web addresses tappable links, never markup", async () => {
    const calls: string[] = [];
    Object.defineProperty(navigator, "language", { value: "zh-CN", configurable: true });
    (window as { signalR?: unknown }).signalR = fakeSignalR(
      {
        Start: {
          token: "t-1",
          caseNumber: null,
          canEmailTranscript: false,
          messages: [
            { id: 1, direction: "bot", text: "您好！<b>请描述</b>您的问题。" },
            { id: 2, direction: "bot", text: "查询处理进度：https://hub.example/s/TS-1。" },
          ],
        },
      },
      calls,
    );
    new Function(built)();
    const launch = document.querySelector<HTMLButtonElement>(".oi-launch");
    expect(launch?.textContent).toBe("在线投诉");
    launch?.click();
    await settle();

    expect(calls).toEqual(["Start"]);
    const bubbles = [...document.querySelectorAll(".oi-msg")];
    expect(bubbles.map((b) => b.textContent)).toEqual(["您好！<b>请描述</b>您的问题。", "查询处理进度：https://hub.example/s/TS-1。"]);
    expect(document.querySelector(".oi-msg b")).toBeNull();
    const link = bubbles[1]?.querySelector("a");
    expect(link?.getAttribute("href")).toBe("https://hub.example/s/TS-1");
    expect(link?.rel).toBe("noopener noreferrer");
    // No transcript button where the hub cannot e-mail (issue 16 item 3); the close button is named in Chinese.
    expect(document.querySelector<HTMLButtonElement>(".oi-head button[aria-label='把对话记录发到邮箱']")?.hidden).toBe(true);
    expect(document.querySelector(".oi-head button[aria-label='关闭']")).not.toBeNull();
    expect(JSON.parse(localStorage.getItem(`omniintake.chat.${location.origin}`) ?? "{}").token).toBe("t-1");
  });
});
