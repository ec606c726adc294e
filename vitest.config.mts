import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-integration.ts"],
          setupFiles: ["tests/setup/env-integration.ts"],
          pool: "forks",
          maxWorkers: Number(process.env.TEST_WORKERS ?? 2),
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
