/**
 * globalSetup of the integration:postgres project: one WebSocket-to-TCP proxy for the
 * whole run (tests reach PostgreSQL through the Neon driver, like production), and a
 * loud failure when TEST_DATABASE_URL is missing or unreachable.
 */
import type { TestProject } from "vitest/node";
import { openPostgres, redactDatabaseUrl } from "@/db/drivers";
import { startWsTcpProxy } from "@/lib/db-proxy/ws-tcp-proxy";
import "./provided-context";

const HOW_TO =
  "Set TEST_DATABASE_URL to a PostgreSQL server the tests may create and drop databases on, e.g.\n" +
  "  TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:integration";

/** Drizzle wraps driver errors ("Failed query: …"); the reason is at the end of the cause chain. */
function innermostMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  const message = current instanceof Error ? current.message : String(current);
  return message.replaceAll(/:\/\/[^@\s]*@/g, "://***@");
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(`integration:postgres needs TEST_DATABASE_URL.\n${HOW_TO}`);
  }
  const proxy = await startWsTcpProxy({ port: 0 });
  const admin = openPostgres(url, proxy.address);
  try {
    await admin.db.execute("select 1");
  } catch (error) {
    await proxy.close();
    throw new Error(
      `integration:postgres cannot reach TEST_DATABASE_URL (${redactDatabaseUrl(url)}): ${innermostMessage(error)}\n${HOW_TO}`,
    );
  } finally {
    await admin.close();
  }
  project.provide("dbProxyAddress", proxy.address);
  console.log(
    `[integration:postgres] ${redactDatabaseUrl(url)} via the Neon driver and ws://${proxy.address}`,
  );
  return () => proxy.close();
}
