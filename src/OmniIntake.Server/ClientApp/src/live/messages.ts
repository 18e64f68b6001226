import type { HubConnection } from "@microsoft/signalr";
import type { CaseEvent, CaseViewer } from "@/api/types";
import type { ChatClient } from "./chatClient";

export type { ChatClient, ChatMessage } from "./chatClient";

/**
 * What the hubs push, typed (issue 13 item 7). Each interface is the TypeScript side of a server client interface
 * (Server/Live/IAgentClient, IOwnerClient, Channels.WebChat/Hub/IChatClient): its keys are the wire names, its
 * parameters the payloads. The server writes hub-contract.json from its interfaces (HubContractTests) and
 * __tests__/hubContract.spec.ts checks these types against it, so a renamed method or a changed payload fails a test.
 */

/** Which case of the department changed, no content (Live/OwnerHub: OwnerSignal). */
export interface OwnerSignal {
  position: number;
  kind: string;
  caseId: number;
}

/** What the agents' hub (/hubs/agents) pushes to a console. */
export interface AgentClient {
  /** Each newly positioned event of the log; a gap means catch up (AgentHub.CatchUp). */
  event: (e: CaseEvent) => void;
  /** An admin's ping, echoed to every console. */
  ping: (payload: string) => void;
  /** An agent marked themselves away or back. */
  availability: (username: string, away: boolean) => void;
  /** Who has the case open now (to the consoles that have it open). */
  viewers: (caseId: number, viewers: CaseViewer[]) => void;
  /** Someone else is typing a reply on the case. */
  viewerTyping: (caseId: number, viewer: CaseViewer) => void;
}

/** What the owners' hub (/hubs/owners) pushes to an owner's page. */
export interface OwnerClient {
  changed: (signal: OwnerSignal) => void;
}

/** The hubs by path, each with what it pushes. */
export interface HubClients {
  "/hubs/agents": AgentClient;
  "/hubs/owners": OwnerClient;
  "/hubs/chat": ChatClient;
}

export type HubPath = keyof HubClients;

/** Some of a hub's pushed methods, each with its typed handler. */
export type Handlers<C> = { [K in keyof C]?: C[K] };

/**
 * A hub connection seen through what it pushes: only its method names, each with its payload's handler. Named apart
 * from SignalR's on/off so that a bare subscription stands out (hubContract.spec.ts looks for them).
 */
export interface TypedPushes<C> {
  onPush: <K extends keyof C & string>(method: K, handler: C[K]) => void;
  offPush: <K extends keyof C & string>(method: K, handler: C[K]) => void;
}

type Untyped = Parameters<HubConnection["on"]>[1];

/** The one place a handler meets SignalR's untyped on/off: every subscription in the workspace goes through here. */
export function pushes<C>(hub: HubConnection): TypedPushes<C> {
  return {
    onPush: (method, handler) => hub.on(method, handler as Untyped),
    offPush: (method, handler) => hub.off(method, handler as Untyped),
  };
}

/** Subscribes each handler given (a page hears only the methods it handles). */
export function subscribe<C>(hub: HubConnection, handlers: Handlers<C>): void {
  const typed = pushes<C>(hub);
  for (const method of Object.keys(handlers) as (keyof C & string)[]) {
    const handler = handlers[method];
    if (handler) typed.onPush(method, handler);
  }
}
