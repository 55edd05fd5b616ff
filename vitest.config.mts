import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        resolve: { alias: { "@": root } },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias: { "@": root, "server-only": fileURLToPath(new URL("tests/support/server-only-stub.ts", import.meta.url)) } },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // next-auth imports "next/server" without an extension, which only a bundler resolves; the
          // server-action test imports the actions, and through them next-auth.
          server: { deps: { inline: ["next-auth"] } },
        },
      },
      {
        // Tests against the production build (two app instances over one PostgreSQL database); npm test
        // runs them after the browser tests, whose start makes the build (scripts/test-all.ts).
        resolve: { alias: { "@": root, "server-only": fileURLToPath(new URL("tests/support/server-only-stub.ts", import.meta.url)) } },
        test: {
          name: "production",
          include: ["tests/production/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
