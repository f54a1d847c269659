import "server-only";
import type { Database } from "@/db/drivers";
import type { CredentialName } from "@/db/schema";
import { resolveWhatsAppChannel, type WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { listCredentialSummaries } from "./credentials";

/** Where the store's messages go, as Settings shows it: never the token that sends them. */
export type WhatsAppConnectionStatus =
  { mode: "graph" } | { mode: "sandbox" } | { mode: "unconfigured"; reason: string };

export type StoredCredential = { last4: string; updatedAt: string };

export type SettingsView = {
  /** Per stored secret, its last four characters and the date it was saved. */
  stored: Partial<Record<CredentialName, StoredCredential>>;
  connection: WhatsAppConnectionStatus;
};

/**
 * Everything the Settings page shows about credentials, and nothing more: the page renders
 * it into HTML, so a decrypted token handed to it is one component away from the browser.
 */
export async function loadSettingsView(
  db: Database,
  store: { id: string; timezone: string },
  config: WhatsAppPlatformConfig,
  /** The member's language, for the dates. */
  language = "en",
): Promise<SettingsView> {
  const [summaries, channel] = await Promise.all([
    listCredentialSummaries(db, store.id),
    resolveWhatsAppChannel(db, store.id, config),
  ]);
  const dateFormat = new Intl.DateTimeFormat(language, {
    dateStyle: "medium",
    timeZone: store.timezone,
  });
  const stored: SettingsView["stored"] = {};
  for (const summary of summaries) {
    stored[summary.name] = {
      last4: summary.last4,
      updatedAt: dateFormat.format(summary.updatedAt),
    };
  }
  const connection: WhatsAppConnectionStatus =
    channel.mode === "unconfigured"
      ? { mode: "unconfigured", reason: channel.reason }
      : { mode: channel.mode };
  return { stored, connection };
}
