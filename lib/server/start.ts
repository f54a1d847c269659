import "server-only";
import { getDb, getDatabaseHandle } from "@/lib/server/database";
import { DatabaseLockedError } from "@/db/drivers";
import { env, EnvError } from "@/lib/env";

/**
 * Server start-up: validate the environment (production refuses to run without its
 * secrets), then open the database so that migrations, the demo seed (where allowed) and any
 * connection problem show up in the terminal at once rather than on the first request.
 */
export async function startServer(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`[chatcart] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  try {
    const handle = await getDatabaseHandle();
    // Imported here so that only start-up, never a route, loads the demo data.
    const { seedDemoOnStart } = await import("@/lib/demo/seed-on-start");
    await seedDemoOnStart(handle);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[chatcart] ${message}`);
    if (error instanceof DatabaseLockedError) process.exit(1);
    // An unreachable DATABASE_URL is reported here and again by each request that needs it.
  }
  if (env().NODE_ENV === "development") startDevTicker();
}

const DEV_TICK_MS = 15_000;

/** `npm run dev` has no Vercel Cron: the same tick runs on an interval in the server process. */
function startDevTicker(): void {
  const holder = globalThis as { chatcartDevTicker?: NodeJS.Timeout };
  if (holder.chatcartDevTicker) return;
  holder.chatcartDevTicker = setInterval(async () => {
    try {
      const [{ tick }, { tickOptionsFromEnv }, { whatsappPlatformConfig }] = await Promise.all([
        import("@/lib/jobs/tick"),
        import("@/lib/jobs/tick-options"),
        import("@/lib/whatsapp/platform-config"),
      ]);
      await tick(await getDb(), whatsappPlatformConfig(), tickOptionsFromEnv());
    } catch (error) {
      console.error("[chatcart] tick failed:", error instanceof Error ? error.message : error);
    }
  }, DEV_TICK_MS);
  holder.chatcartDevTicker.unref();
}
