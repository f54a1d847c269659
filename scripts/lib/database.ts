import { assertReachable, type DatabaseHandle, openPglite, openPostgres } from "@/db/drivers";
import { databaseEnv } from "@/lib/env";

/**
 * The app's database, opened the way the app opens it: the server named by
 * DATABASE_URL (checked to be reachable), or the embedded PGlite under DATA_DIR.
 */
export async function openScriptDatabase(): Promise<DatabaseHandle> {
  const config = databaseEnv();
  if (!config.DATABASE_URL) return openPglite(config.DATA_DIR);
  const handle = openPostgres(config.DATABASE_URL, config.DATABASE_WS_PROXY);
  try {
    await assertReachable(handle);
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}

/** An error's message, with the driver's reason when drizzle wrapped it ("Failed query: …"). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const reason =
    cause && typeof cause === "object" && "message" in cause && typeof cause.message === "string"
      ? cause.message
      : undefined;
  const message = reason ? `${reason} (${error.message.split("\n")[0]})` : error.message;
  return message.replaceAll(/:\/\/[^@\s]*@/g, "://***@");
}

/** Runs a script's body; a failure prints one password-free line and exits non-zero. */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`✗ ${describeError(error)}`);
    process.exitCode = 1;
  }
}
