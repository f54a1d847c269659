import "server-only";
import { headers } from "next/headers";
import { DASHBOARD_REQUEST_HEADER } from "@/lib/auth/dashboard-proxy";
import type { DashboardLanguage } from "@/lib/dashboard-i18n/languages";
import { dashboardLanguage } from "@/lib/dashboard-i18n/server";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import { storefrontDocumentLanguage } from "@/lib/storefront/request";

/**
 * `<html lang>`: the storefront's language on /s/*, the member's language on /dashboard
 * (marked by proxy.ts), English elsewhere. Kept out of lib/storefront so that storefront
 * modules never load the dashboard's (and Auth.js's) code.
 */
export async function documentLanguage(): Promise<ShopperLanguage | DashboardLanguage> {
  const storefront = await storefrontDocumentLanguage();
  if (storefront) return storefront;
  if ((await headers()).get(DASHBOARD_REQUEST_HEADER)) return dashboardLanguage();
  return "en";
}
