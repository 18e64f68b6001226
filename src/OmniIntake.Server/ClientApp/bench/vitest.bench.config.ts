import { fileURLToPath, URL } from "node:url";
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vitest/config";

// Only the queue benchmark (bench/run-workspace-queue.sh); `vitest run` in ClientApp never picks it up.
export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { "@": fileURLToPath(new URL("../src", import.meta.url)) } },
  test: { environment: "happy-dom", include: ["bench/*.bench.spec.ts"], root: fileURLToPath(new URL("..", import.meta.url)) },
});
