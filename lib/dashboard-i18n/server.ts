import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "@/lib/auth/next-auth";
import { getDb } from "@/lib/server/database";
import { readUserLocale } from "@/lib/users/locale";
import { dashboardFormatters } from "./format";
import { chooseDashboardLanguage, type DashboardLanguage } from "./languages";
import { dashboardMessagesFor } from "./messages";

// The seam between Next.js (session, headers) and the dashboard's dictionaries, like
// lib/storefront/request.ts is for the storefront.

/** The member's setting, else the browser's language; once per request. */
export const dashboardLanguage = cache(async (): Promise<DashboardLanguage> => {
  const acceptLanguage = (await headers()).get("accept-language");
  let memberSetting: string | null = null;
  try {
    const userId = (await auth())?.user?.id;
    if (userId) memberSetting = await readUserLocale(await getDb(), userId);
  } catch {
    // An unavailable database has its own page; it is still shown in the browser's language.
  }
  return chooseDashboardLanguage({ memberSetting, acceptLanguage });
});

/** What every dashboard page and server component calls for its words and formats. */
export const getDashboardStrings = cache(async () => {
  const language = await dashboardLanguage();
  return { language, t: dashboardMessagesFor(language), format: dashboardFormatters(language) };
});

export type DashboardStrings = Awaited<ReturnType<typeof getDashboardStrings>>;
