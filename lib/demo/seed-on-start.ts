import "server-only";
import type { DatabaseHandle } from "@/db/drivers";
import { type DatabaseEnv, databaseEnv } from "@/lib/env";
import { DEMO_OWNER, isDemoEnabled } from "./policy";
import { seedDemo } from "./seed";

/** Server start-up: seeds the demo store where the policy allows it, and says so. */
export async function seedDemoOnStart(
  handle: DatabaseHandle,
  config: DatabaseEnv = databaseEnv(),
): Promise<{ seeded: boolean }> {
  if (!isDemoEnabled(config)) return { seeded: false };
  const result = await seedDemo(handle.db);
  console.log(
    `[chatcart] ${result.created ? "Demo store seeded" : "Demo store present"}; ` +
      `demo sign-in: ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`,
  );
  return { seeded: true };
}
