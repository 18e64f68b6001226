// The workspace's API types (issue 14 item 1) are generated from the hub's OpenAPI document (src/api/openapi.json, the
// live /openapi/v1.json, kept equal by the server's OpenApiDocumentTests) with openapi-typescript. Two facts of the hub's
// JSON the document leaves loose are stated here before generating, so the types are as strict as the answers:
// - numbers are written as numbers: ASP.NET documents "integer or string" because it also READS numbers from strings;
// - an answer carries every property (nulls included: the hub does not omit them), so a schema used only in answers has
//   all its properties required; a request's properties are required only where they cannot be null.
import openapiTS, { astToString } from "openapi-typescript";

const isNullable = (s) =>
  (Array.isArray(s?.type) && s.type.includes("null")) || [...(s?.oneOf ?? []), ...(s?.anyOf ?? [])].some((x) => x?.type === "null");

function walk(node, visit) {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === "object") {
    visit(node);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

function refsIn(node) {
  const names = new Set();
  walk(node, (n) => {
    if (typeof n.$ref === "string") names.add(n.$ref.replace("#/components/schemas/", ""));
  });
  return names;
}

/** The document with the two facts above applied (a copy; the input is not changed). */
export function shape(input) {
  const doc = structuredClone(input);
  walk(doc, (n) => {
    if (Array.isArray(n.type) && n.type.includes("string") && (n.type.includes("integer") || n.type.includes("number"))) {
      n.type = n.type.filter((t) => t !== "string");
      if (n.type.length === 1) n.type = n.type[0];
      delete n.pattern;
    }
  });
  const schemas = doc.components?.schemas ?? {};
  // Schemas a request body reaches, directly or through their properties.
  const requests = new Set();
  const queue = [];
  for (const item of Object.values(doc.paths ?? {}))
    for (const op of Object.values(item)) if (op?.requestBody) queue.push(...refsIn(op.requestBody));
  while (queue.length > 0) {
    const name = queue.pop();
    if (requests.has(name)) continue;
    requests.add(name);
    queue.push(...refsIn(schemas[name]));
  }
  for (const [name, schema] of Object.entries(schemas)) {
    if (!schema.properties) continue;
    const keys = Object.keys(schema.properties);
    // A request's nullable property may be left out (the hub reads a missing one as null), whatever the record's constructor says.
    schema.required = requests.has(name) ? keys.filter((k) => !isNullable(schema.properties[k])) : keys;
  }
  return doc;
}

/** The TypeScript of src/api/schema.d.ts for a document. */
export async function generate(doc) {
  const header = "// Generated from src/api/openapi.json by `npm run api:types` (scripts/api-types.mjs). Do not edit.\n";
  return header + astToString(await openapiTS(shape(doc), { alphabetize: false }));
}
