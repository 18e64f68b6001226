// npm run api:types: src/api/openapi.json -> src/api/schema.d.ts (see openapi-shape.mjs for what is stated on the way).
import { readFileSync, writeFileSync } from "node:fs";
import { generate } from "./openapi-shape.mjs";

const api = new URL("../src/api/", import.meta.url);
const doc = JSON.parse(readFileSync(new URL("openapi.json", api), "utf8"));
writeFileSync(new URL("schema.d.ts", api), await generate(doc));
console.log("src/api/schema.d.ts generated from src/api/openapi.json");
