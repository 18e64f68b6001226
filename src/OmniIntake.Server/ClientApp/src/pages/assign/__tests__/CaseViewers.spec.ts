import { HubConnectionState, type HubConnection } from "@microsoft/signalr";
import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CaseViewer } from "@/api/types";
import { i18nZh } from "@/pages/case/__tests__/fixtures";
import { setSession } from "@/shell/session";
import CaseViewers from "../CaseViewers.vue";

/** A stand-in for the agents' hub: records invocations, lets the test push "viewers" and "viewerTyping". */
function fakeHub(answer: CaseViewer[]) {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const invoked: [string, unknown][] = [];
  const hub = {
    state: HubConnectionState.Connected,
    on: (name: string, h: (...args: unknown[]) => void) => handlers.set(name, h),
    off: (name: string) => handlers.delete(name),
    invoke: (name: string, arg: unknown) => {
      invoked.push([name, arg]);
      return Promise.resolve(name === "ViewCase" ? answer : undefined);
    },
  };
  return { hub: hub as unknown as HubConnection, invoked, push: (name: string, ...args: unknown[]) => handlers.get(name)?.(...args) };
}

afterEach(() => vi.useRealTimers());

describe("who is looking", () => {
  it("announces the case, shows the others who have it open (not me) and who is typing, until the marker expires", async () => {
    vi.useFakeTimers();
    setSession({ id: 1, username: "wang", displayName: "王芳", roles: ["agent"], departmentId: null, disabled: false });
    const { hub, invoked, push } = fakeHub([{ username: "wang", displayName: "王芳" }]);
    const wrapper = mount(CaseViewers, { props: { caseId: 42 }, global: { plugins: [i18nZh()], provide: { liveHub: hub } } });
    await flushPromises();

    expect(invoked).toContainEqual(["ViewCase", 42]);
    expect(wrapper.find("[data-test=viewers]").exists()).toBe(false);

    push("viewers", 42, [{ username: "wang", displayName: "王芳" }, { username: "li", displayName: "李强" }]);
    push("viewers", 99, [{ username: "zhao", displayName: "赵六" }]);
    push("viewerTyping", 42, { username: "li", displayName: "李强" });
    await flushPromises();
    expect(wrapper.get("[data-test=viewers]").text()).toContain("李强 也在查看此案件");
    expect(wrapper.text()).not.toContain("赵六");
    expect(wrapper.get("[data-test=typing]").text()).toBe("李强 正在输入回复…");

    vi.advanceTimersByTime(7000);
    await flushPromises();
    expect(wrapper.find("[data-test=typing]").exists()).toBe(false);

    wrapper.unmount();
    expect(invoked).toContainEqual(["LeaveCase", 42]);
  });
});
