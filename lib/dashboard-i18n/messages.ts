import en, { type DashboardMessages } from "./messages/en";
import ja from "./messages/ja";
import type { DashboardLanguage } from "./languages";

export type { DashboardMessages };
export { formatMessage } from "@/lib/i18n/messages";

const MESSAGES: Record<DashboardLanguage, DashboardMessages> = { en, ja };

export function dashboardMessagesFor(language: DashboardLanguage): DashboardMessages {
  return MESSAGES[language];
}

/** A stored identifier in words from a dictionary section, else the identifier itself. */
export function wordFor(section: Record<string, string>, key: string, fallback: string): string {
  return Object.hasOwn(section, key) ? (section[key] ?? fallback) : fallback;
}
