import { fileURLToPath } from "node:url";
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vitest/config";

// The hub serves the built app at /app/ (see Workspace/WorkspaceApp.cs); the output goes into wwwroot/app, git-ignored.
export default defineConfig({
  base: "/app/",
  plugins: [vue()],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL("../wwwroot/app", import.meta.url)),
    emptyOutDir: true,
    // The hub's CSP allows no inline script or style: keep everything in files.
    assetsInlineLimit: 0,
  },
  define: { __VUE_PROD_DEVTOOLS__: false, __INTLIFY_JIT_COMPILATION__: true },
  test: {
    environment: "happy-dom",
    include: ["src/**/__tests__/*.spec.ts", "widget/__tests__/*.spec.ts"],
  },
});
