import "server-only";
import { env } from "@/lib/env";

/**
 * The origin of payment links sent in the chat. They are made by the bot inside the
 * processor (after() or tick), where no request names the host, so it comes from
 * configuration: APP_URL; else Vercel's production host; else, outside production, this
 * machine's dev server. null in production without either — a configuration error, never
 * a link to localhost.
 */
export function paymentLinkOrigin(): string | null {
  const settings = env();
  if (settings.APP_URL) return settings.APP_URL;
  if (settings.VERCEL_PROJECT_PRODUCTION_URL) {
    return `https://${settings.VERCEL_PROJECT_PRODUCTION_URL}`;
  }
  if (settings.NODE_ENV === "production") return null;
  return `http://localhost:${settings.PORT ?? 3000}`;
}
