/** The hub's OpenAPI document with the facts of its JSON stated (see openapi-shape.mjs). */
export function shape(input: unknown): unknown;
/** The TypeScript of src/api/schema.d.ts for a document. */
export function generate(doc: unknown): Promise<string>;
