import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Store tests share one PostgreSQL database; the e2e tests start whole bots.
    fileParallelism: true,
    reporters: ["default"],
  },
});
