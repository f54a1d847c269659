import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { e2eSkipReason } from "./support/browser";
import { launchNextServer, serverExit, waitUntilAnswering } from "./support/server";
import "../support/provided-context";

const skipReason = e2eSkipReason();

describe.skipIf(skipReason)(
  `server start-up${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    it("refuses to start in production without AUTH_SECRET and ENCRYPTION_KEY", async () => {
      const server = await launchNextServer({
        env: { AUTH_SECRET: undefined, ENCRYPTION_KEY: undefined },
      });
      try {
        expect(await serverExit(server)).not.toBe(0);
        expect(server.output()).toContain("AUTH_SECRET");
        expect(server.output()).toContain("ENCRYPTION_KEY");
      } finally {
        await server.stop();
      }
    });

    it("names an unreachable DATABASE_URL at start-up and in the request, never its password", async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "chatcart-e2e-baddb-"));
      const server = await launchNextServer({
        env: {
          DATA_DIR: dataDir,
          DATABASE_URL: "postgres://chatcart:hunter2secret@127.0.0.1:1/chatcart",
          DATABASE_WS_PROXY: "127.0.0.1:1",
        },
      });
      try {
        await waitUntilAnswering(`${server.baseUrl}/`, server.process);
        const page = await fetch(`${server.baseUrl}/login`);
        const html = await page.text();
        expect(html).toContain(
          "Cannot reach the database at postgres://chatcart:***@127.0.0.1:1/chatcart",
        );
        expect(html).not.toContain("hunter2secret");
        await expect.poll(() => server.output()).toContain("Cannot reach the database");
        expect(server.output()).not.toContain("hunter2secret");
      } finally {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });

    it("in production seeds no demo owner and shows no demo password unless SEED_DEMO=1", async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "chatcart-e2e-nodemo-"));
      const server = await launchNextServer({ env: { DATA_DIR: dataDir, SEED_DEMO: undefined } });
      try {
        await waitUntilAnswering(`${server.baseUrl}/`, server.process);
        const login = await (await fetch(`${server.baseUrl}/login`)).text();
        expect(login).toContain("Sign in to your store");
        expect(login).not.toContain("chatcart-demo");
        expect((await fetch(`${server.baseUrl}/s/demo`)).status).toBe(404);
        const landing = await (await fetch(`${server.baseUrl}/`)).text();
        expect(landing).not.toContain("chatcart-demo");
        expect(landing).not.toContain('href="/s/demo"');
        expect(server.output()).not.toContain("chatcart-demo");
      } finally {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
      // The suite's own server runs with SEED_DEMO=1: there the credentials are shown, labelled.
      const demoLogin = await (await fetch(`${inject("e2eBaseUrl")}/login`)).text();
      expect(demoLogin).toContain("Demo only (sample data)");
      expect(demoLogin).toContain("chatcart-demo");
    });

    it("refuses a second server on an embedded database that is already open", async () => {
      const server = await launchNextServer({ env: { DATA_DIR: inject("e2eDataDir") } });
      try {
        expect(await serverExit(server)).not.toBe(0);
        expect(server.output()).toMatch(/embedded database in .* is already open in process \d+/);
      } finally {
        await server.stop();
      }
      // The first server is unharmed.
      const answer = await fetch(`${inject("e2eBaseUrl")}/s/demo`);
      expect(answer.status).toBe(200);
    });
  },
);
