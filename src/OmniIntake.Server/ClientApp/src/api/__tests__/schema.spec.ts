// @vitest-environment node
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generate } from "../../../scripts/openapi-shape.mjs";
import type {
  CannedReply, CaseDetail, CaseSummary, Deadline, Message, PolicyPreview, QueuePage, RegisterCaseInput, RuleCode, Schemas,
} from "../types";

/** Compiles only when the hub's answer (A) fits the shape the workspace reads (B): vue-tsc checks these lines. */
const fits = <A extends B, B>(answer?: A): boolean => answer === undefined;

describe("the API types (issue 14 item 1)", () => {
  it("are generated from the committed OpenAPI document (run `npm run api:types` after refreshing it)", { timeout: 60_000 }, async () => {
    const doc: unknown = JSON.parse(readFileSync(new URL("../openapi.json", import.meta.url), "utf8"));
    const committed = readFileSync(new URL("../schema.d.ts", import.meta.url), "utf8");
    expect(committed === (await generate(doc))).toBe(true);
  });

  it("keep the hand-written shapes that say more than the document in step with the hub's answers", () => {
    // Each line is a compile-time check; the hand-written type narrows codes or leaves a field optional.
    expect([
      fits<Schemas["CaseSummary"], CaseSummary>(),
      fits<Schemas["MessageView"], Message>(),
      fits<Schemas["DeadlineRuleCode"], RuleCode>(),
      fits<Schemas["DeadlineView"], Deadline>(),
      fits<Schemas["CaseDetail"], Omit<CaseDetail, "pause">>(),
      fits<Schemas["PolicyPreview"], PolicyPreview>(),
      fits<Schemas["QueuePage"], QueuePage>(),
      fits<Omit<Schemas["CannedReplyView"], "language">, Omit<CannedReply, "language">>(),
      fits<RegisterCaseInput, Schemas["RegisterCaseRequest"]>(),
    ]).not.toContain(false);
  });
});
