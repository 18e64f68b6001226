import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CaseEvent, CaseViewer } from "@/api/types";
import contract from "../hub-contract.json";
import type { ChatMessage, HubClients, OwnerSignal } from "../messages";

/*
 * Issue 13 item 7: the server writes hub-contract.json from its hubs' client interfaces (HubContractTests); this spec
 * holds the workspace's typed handlers (messages.ts) to it. The literals below are type-checked against messages.ts
 * (a missing or extra method, a parameter more or less, or another payload type does not compile), and compared with
 * the contract at run time (a server change fails here).
 */

/** The payload types by the names the contract gives them. */
interface Payloads {
  CaseEvent: CaseEvent;
  CaseViewer: CaseViewer;
  ChatMessage: ChatMessage;
  OwnerSignal: OwnerSignal;
}

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type PayloadName<T> = { [N in keyof Payloads]: Same<Payloads[N], T> extends true ? N : never }[keyof Payloads];

/** A TypeScript type said as the contract says it: number, string, boolean, a payload's name, T[], "T | null". */
type Said<T> = null extends T
  ? `${Said<NonNullable<T>>} | null`
  : [T] extends [number]
    ? "number"
    : [T] extends [string]
      ? "string"
      : [T] extends [boolean]
        ? "boolean"
        : [T] extends [readonly (infer E)[]]
          ? `${Said<E>}[]`
          : PayloadName<T>;

type Signature<F> = F extends (...args: infer A) => void ? { [I in keyof A]: Said<A[I]> } : never;
type Shape<T> = { [K in keyof T]-?: Said<T[K]> };

const signatures: { [P in keyof HubClients]: { [M in keyof HubClients[P]]: Signature<HubClients[P][M]> } } = {
  "/hubs/agents": {
    event: ["CaseEvent"],
    ping: ["string"],
    availability: ["string", "boolean"],
    viewers: ["number", "CaseViewer[]"],
    viewerTyping: ["number", "CaseViewer"],
  },
  "/hubs/owners": { changed: ["OwnerSignal"] },
  "/hubs/chat": { messages: ["ChatMessage[]"], typing: ["string"] },
};

const shapes: { [N in keyof Payloads]: Shape<Payloads[N]> } = {
  CaseEvent: { position: "number", kind: "string", caseId: "number", caseNumber: "string", occurredAt: "string", data: "string" },
  CaseViewer: { username: "string", displayName: "string" },
  ChatMessage: { id: "number", direction: "string", text: "string", at: "string" },
  OwnerSignal: { position: "number", kind: "string", caseId: "number" },
};

const sorted = (o: object) => Object.keys(o).sort();
const appRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "__tests__" ? [] : sources(path);
    return /\.(ts|vue)$/.test(name) ? [path] : [];
  });
}

describe("the hubs' pushed messages (hub-contract.json, written by the server's HubContractTests)", () => {
  it("are the hubs and methods the workspace's handler types name, with the same parameters", () => {
    expect(sorted(signatures)).toEqual(sorted(contract.hubs));
    for (const [path, hub] of Object.entries(contract.hubs)) {
      const typed: Record<string, readonly string[]> = signatures[path as keyof HubClients];
      expect(sorted(typed), path).toEqual(sorted(hub.methods));
      for (const [method, parameters] of Object.entries(hub.methods))
        expect(typed[method], `${path} ${method}`).toEqual(parameters.map((p) => p.type));
    }
  });

  it("carry payloads with the properties the workspace's types have", () => {
    expect(sorted(shapes)).toEqual(sorted(contract.types));
    for (const [name, properties] of Object.entries(contract.types)) expect(shapes[name as keyof Payloads], name).toEqual(properties);
  });

  it("are heard only through the typed helpers: no page or widget subscribes by a bare string", () => {
    const bare = [...sources(join(appRoot, "src")), ...sources(join(appRoot, "widget"))]
      .filter((file) => /\.(on|off)\(\s*["'`]/.test(readFileSync(file, "utf8")))
      .map((file) => relative(appRoot, file));
    expect(bare).toEqual([]);
  });
});
