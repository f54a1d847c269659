import "server-only";
import type { Database } from "@/db/drivers";
import { type BotSettings, readStoreSettings } from "@/lib/stores/settings";
import { updateStoreSettings } from "@/lib/stores/update-settings";
import type { GreetingsInput } from "./schemas";

/** The owner's greeting per language, as stored in the store's settings. */
export function readGreetings(settings: unknown): BotSettings["greetings"] {
  return readStoreSettings(settings).bot.greetings;
}

/**
 * Replaces the store's greetings with `greetings` (a language left out goes back to the
 * bot's standard welcome). Other settings, and other features' keys, are kept.
 */
export async function saveGreetings(
  db: Database,
  storeId: string,
  greetings: GreetingsInput,
): Promise<BotSettings["greetings"]> {
  const settings = await updateStoreSettings(db, storeId, { bot: { greetings } });
  return settings.bot.greetings;
}
