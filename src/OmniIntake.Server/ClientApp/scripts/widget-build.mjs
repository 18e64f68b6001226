// npm run build:widget: widget/widget.ts -> the web chat channel's Assets/widget.js (embedded in that assembly).
// The widget stays one dependency-free script embedded in other sites (issue 14 item 1), so this is a plain
// TypeScript transpile, no bundler; `npm run typecheck` checks the source (tsconfig.widget.json), and the Vitest spec
// widget/__tests__/widget.spec.ts fails when the committed script is not this transpile of the source.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, URL as NodeUrl } from "node:url";
import ts from "typescript";

const here = fileURLToPath(new NodeUrl(".", import.meta.url));
export const source = resolve(here, "../widget/widget.ts");
export const target = resolve(here, "../../../../channels/OmniIntake.Channels.WebChat/Assets/widget.js");
const header = "// Generated from src/OmniIntake.Server/ClientApp/widget/widget.ts by `npm run build:widget`: edit the source, not this file.\n";

export function transpile(text) {
  const output = ts.transpileModule(text, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.None, removeComments: false, newLine: ts.NewLineKind.LineFeed },
  });
  return header + output.outputText;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(target, transpile(readFileSync(source, "utf8")));
  console.log("channels/OmniIntake.Channels.WebChat/Assets/widget.js generated from widget/widget.ts");
}
