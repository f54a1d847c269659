import "server-only";
import type { Database } from "@/db/drivers";
import type { Store } from "@/db/schema";
import { matchLanguage, negotiateLanguage, type ShopperLanguage } from "@/lib/i18n/languages";
import { localizedName } from "@/lib/catalog/translations";
import { clientIpKey } from "@/lib/http/client-ip";
import { consumeRateLimit } from "@/lib/rate-limit";
import { findStoreBySlug } from "@/lib/stores/stores";
import {
  type ClickTargets,
  recordClick,
  type RecordClickOptions,
  resolveClickTargets,
} from "./clicks";
import { buildPrefilledText, type PrefillSubject } from "./prefill";
import { type GoQuery, pageUrlSchema, parseGoQuery } from "./query";
import { deviceClass, uncountedReason, type UncountedReason } from "./visitors";
import { whatsappChatUrl, whatsappDigits } from "./wa-link";

/**
 * Clicks recorded per client IP per store. A busy shop's Wi-Fi or a carrier NAT can put
 * many shoppers behind one address, and 60 scans a minute from one of them is still far
 * beyond a real counter; a script flooding the link fills at most 60 rows a minute per IP.
 */
export const CLICK_RATE_LIMIT = { limit: 60, windowSeconds: 60 } as const;

/** Store slugs as lib/stores makes them; anything else cannot be a store, so no query is run. */
const STORE_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export type TrackedRedirectRequest = {
  storeSlug: string;
  method: string;
  url: URL;
  headers: Headers;
  /** The client address (clientIp() of lib/http/client-ip), null when unknown. */
  ip: string | null;
};

/** Why a redirect carries no recorded click. */
export type NotRecordedReason = UncountedReason | "rate_limited" | "error";

export type TrackedRedirectResult =
  | { kind: "not_found" }
  /** The store's stored number cannot make a wa.me link (never expected: it is validated on save). */
  | { kind: "no_whatsapp_number"; store: Store }
  | {
      kind: "redirect";
      location: string;
      /** The recorded click's ref; null when the visit was not recorded. */
      ref: string | null;
      notRecorded: NotRecordedReason | null;
    };

function shopperLanguage(query: GoQuery, headers: Headers, store: Store): ShopperLanguage {
  if (query.lang) return query.lang;
  return negotiateLanguage(
    headers.get("accept-language"),
    matchLanguage(store.defaultLanguage) ?? "en",
  );
}

function prefillSubject(
  query: GoQuery,
  targets: ClickTargets,
  language: ShopperLanguage,
): PrefillSubject {
  if (targets.qrCode?.prefilledMessage)
    return { kind: "custom", message: targets.qrCode.prefilledMessage };
  if (targets.product) {
    return { kind: "product", productName: localizedName(targets.product, language) };
  }
  if (query.source === "cart" && targets.cart) return { kind: "cart" };
  return { kind: "store" };
}

function rateLimitKey(storeId: string, ip: string | null): string {
  return `go:${storeId}:${clientIpKey(ip)}`;
}

/** The Referer header as a storable URL, or null. */
function refererUrl(headers: Headers): string | null {
  const parsed = pageUrlSchema.safeParse(headers.get("referer") ?? "");
  return parsed.success ? parsed.data : null;
}

/**
 * GET /go/[store]: finds the store, records the click (unless it is not a shopper's, or
 * over the rate limit) and answers with the wa.me link whose prefilled text carries the
 * click's ref. Visits that are not recorded get the same text without a ref, so a ref in
 * a chat always names a stored click.
 *
 * The page is the `page` parameter (the widget sends its host page, whose full address a
 * cross-site Referer leaves out) or else the Referer; `referrer` is the Referer as sent.
 *
 * Once the store is known, nothing stops the shopper reaching its chat: a failure to
 * look up or record the click is logged and the redirect goes out without a ref.
 */
export async function trackedRedirect(
  db: Database,
  request: TrackedRedirectRequest,
  options: RecordClickOptions = {},
): Promise<TrackedRedirectResult> {
  if (!STORE_SLUG.test(request.storeSlug)) return { kind: "not_found" };
  const store = await findStoreBySlug(db, request.storeSlug);
  if (!store) return { kind: "not_found" };
  const digits = whatsappDigits(store.whatsappNumber);
  if (!digits) return { kind: "no_whatsapp_number", store };

  const { query, problems } = parseGoQuery(request.url.searchParams);
  const language = shopperLanguage(query, request.headers, store);
  let notRecorded: NotRecordedReason | null = uncountedReason(request.method, request.headers);
  let targets: ClickTargets = { problems: {} };
  let ref: string | null = null;

  try {
    const [found, rate] = await Promise.all([
      resolveClickTargets(db, store.id, query),
      notRecorded
        ? null
        : consumeRateLimit(db, rateLimitKey(store.id, request.ip), CLICK_RATE_LIMIT),
    ]);
    targets = found;
    if (rate && !rate.allowed) notRecorded = "rate_limited";
    if (!notRecorded) {
      const userAgent = request.headers.get("user-agent");
      const referrer = refererUrl(request.headers);
      const click = await recordClick(
        db,
        {
          storeId: store.id,
          source: query.source,
          productId: targets.product?.id,
          qrCodeId: targets.qrCode?.id,
          cartId: targets.cart?.id,
          pageUrl: query.page ?? referrer,
          referrer,
          language,
          deviceClass: deviceClass(userAgent, request.headers.get("sec-ch-ua-mobile")),
          // "malformed" (from the query) says more than "missing" (from the lookup).
          problems: { ...targets.problems, ...problems },
        },
        options,
      );
      ref = click.ref;
    }
  } catch (error) {
    console.error("[go] recording a click failed; redirecting without a ref:", error);
    notRecorded = "error";
  }

  const text = buildPrefilledText(language, prefillSubject(query, targets, language), ref);
  return { kind: "redirect", location: whatsappChatUrl(digits, text), ref, notRecorded };
}
