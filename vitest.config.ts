import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = import.meta.dirname;

const resolve = {
  alias: {
    "@": root,
    // The real package throws unless bundled for React Server Components.
    "server-only": path.join(root, "tests/support/empty-module.ts"),
  },
};

const integrationFiles = {
  include: ["tests/**/*.test.ts"],
  exclude: ["tests/unit/**", "tests/e2e/**", "**/*.unit.test.ts", "**/node_modules/**"],
};

/** The same integration tests, once per database backend (see tests/support/database.ts). */
function integrationProject(backend: "pglite" | "postgres"): TestProjectInlineConfiguration {
  return {
    resolve,
    test: {
      name: `integration:${backend}`,
      environment: "node",
      pool: "forks",
      ...integrationFiles,
      env: { TEST_DB_BACKEND: backend },
      globalSetup: backend === "postgres" ? ["tests/support/postgres-global-setup.ts"] : [],
      testTimeout: 30_000,
      // Creating and migrating a database over the proxy takes a few seconds.
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig({
  test: {
    // Global setups stop the DB proxy and the e2e server; dropping test databases needs a moment.
    teardownTimeout: 60_000,
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          environment: "node",
          pool: "forks",
          include: ["tests/unit/**/*.test.ts", "**/*.unit.test.ts"],
          exclude: ["**/node_modules/**", ".next/**"],
        },
      },
      integrationProject("pglite"),
      integrationProject("postgres"),
      {
        resolve,
        test: {
          name: "e2e",
          environment: "node",
          pool: "forks",
          include: ["tests/e2e/**/*.test.ts"],
          // One production server and one Chromium; `next build` runs in globalSetup.
          globalSetup: ["tests/e2e/support/server.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
