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
  const vercelHost = process.env.VERCEL_PROJECT_PRODUCTION_URL;
  if (vercelHost && /^[a-z0-9.-]+$/i.test(vercelHost)) return `https://${vercelHost}`;
  if (settings.NODE_ENV === "production") return null;
  const port = Number(process.env.PORT ?? 3000);
  return `http://localhost:${Number.isInteger(port) && port > 0 ? port : 3000}`;
}
