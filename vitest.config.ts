import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname, "src"), "server-only": path.resolve(__dirname, "tests/support/empty.ts") } },
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    // An odd time zone so that date bugs fail loudly; the platform itself works in Asia/Shanghai.
    env: {
      TZ: "America/St_Johns",
      APP_MODE: "test",
      CAPTCHA_PROVIDER: "fixed",
      CAPTCHA_WORK: "2000",
      // Job and request lines stay out of the test output; tests/integration/log.test.ts reads its own logger.
      LOG_LEVEL: "warn",
      AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
      STORAGE_DIR: path.join(os.tmpdir(), "vslc-test-storage"),
    },
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: "forks",
    maxWorkers: 2,
  },
});
