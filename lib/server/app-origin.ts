import "server-only";
import { env } from "@/lib/env";

/** host, host:port, or [IPv6]:port — nothing that could smuggle a path, user info or a second URL. */
const HOST_PATTERN =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export class AppOriginError extends Error {
  override name = "AppOriginError";
}

export type AppOriginOptions = {
  /** The configured public origin (APP_URL); wins when set. */
  appUrl?: string;
  /** Whether X-Forwarded-Host/-Proto come from a proxy we trust (Vercel's edge sets them). */
  trustForwardedHeaders?: boolean;
};

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}

function defaultOptions(): AppOriginOptions {
  const { APP_URL, VERCEL } = env();
  return { appUrl: APP_URL, trustForwardedHeaders: Boolean(VERCEL) };
}

/**
 * The origin ("https://chatcart.example") of links that leave the app, such as the URL a
 * printed QR code encodes. The rule:
 *
 * 1. APP_URL, when set. Production should set it: a QR code is printed and handed out, so
 *    its address must not depend on headers a client controls.
 * 2. Otherwise the request's own address: X-Forwarded-Host/-Proto only behind a proxy that
 *    overwrites them (Vercel), else the Host header, with X-Forwarded-Proto limited to
 *    http/https (Next's own server sets it) and http as the fallback. The host must look like
 *    a host name; anything else is an AppOriginError, never a link to somewhere else.
 *
 * Responses built from a request-derived origin must not be shared across hosts by a cache
 * (see `ORIGIN_VARY_HEADERS`).
 */
export function appOrigin(headers: Headers, options: AppOriginOptions = defaultOptions()): string {
  if (options.appUrl) return new URL(options.appUrl).origin;

  const trusted = options.trustForwardedHeaders === true;
  const host =
    (trusted ? firstValue(headers.get("x-forwarded-host")) : undefined) ??
    firstValue(headers.get("host"));
  if (!host || !HOST_PATTERN.test(host)) {
    throw new AppOriginError("Cannot tell this app's public address: set APP_URL.");
  }
  const forwardedProto = firstValue(headers.get("x-forwarded-proto"))?.toLowerCase();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  return `${proto}://${host.toLowerCase()}`;
}

/** Request headers a response depends on when its origin came from the request. */
export const ORIGIN_VARY_HEADERS = "Host, X-Forwarded-Host, X-Forwarded-Proto";
