/**
 * Who is asking for a tracked link: a shopper (a click to count) or something that only
 * looks at links (prefetches, link previews, crawlers, scripts). Everyone gets the same
 * redirect; only shoppers are recorded.
 */

export type UncountedReason = "head" | "prefetch" | "bot";

/**
 * Link-preview fetchers and crawlers, by User-Agent. Care is taken not to match in-app
 * browsers, which are real shoppers: LINE's and KakaoTalk's browsers say "Line/…" and
 * "KAKAOTALK …", their preview fetchers "facebookexternalhit" and "kakaotalk-scrap".
 * WhatsApp opens links in the phone's browser, so "WhatsApp/…" is only ever its previewer.
 */
const PREVIEW_FETCHERS =
  /^WhatsApp\/|facebookexternalhit|facebookcatalog|Facebot|meta-externalagent|Slackbot|Slack-ImgProxy|Twitterbot|Discordbot|TelegramBot|LinkedInBot|Pinterestbot|redditbot|SkypeUriPreview|Microsoft Preview|kakaotalk-scrap|Embedly|Iframely|vkShare|Snapchat.*Preview|Google-PageRenderer/i;

/** Search and SEO crawlers, plus the generic words crawlers put in their names. */
const CRAWLERS =
  /Googlebot|Google-InspectionTool|AdsBot-Google|Mediapartners-Google|bingbot|BingPreview|Applebot|DuckDuckBot|YandexBot|Baiduspider|Sogou|Bytespider|PetalBot|AhrefsBot|SemrushBot|MJ12bot|GPTBot|ClaudeBot|CCBot|\bbot\b|crawler|spider|crawling/i;

/**
 * Scripts and HTTP libraries. `curl -L` on a tracked link is someone checking it, not a
 * shopper starting a chat, so it is not counted. Load tests therefore send a browser
 * User-Agent (bench/redirect.ts), as every real shopper's browser does.
 */
const SCRIPTS =
  /^(curl|Wget|HTTPie|python-requests|python-urllib|aiohttp|httpx|Go-http-client|okhttp|Java\/|Apache-HttpClient|axios|node-fetch|undici|node$|got |Ruby|PHP|libwww-perl|Dart\/|Deno\/|Bun\/|PostmanRuntime|insomnia)/i;

/** True for what only looks at a link: previewers, crawlers, scripts — and requests without a User-Agent. */
export function isBot(userAgent: string | null | undefined): boolean {
  const ua = userAgent?.trim();
  if (!ua) return true;
  return PREVIEW_FETCHERS.test(ua) || CRAWLERS.test(ua) || SCRIPTS.test(ua);
}

/**
 * Browsers announce speculative loads: `Purpose: prefetch` (older Chrome, Safari's
 * `X-Purpose: preview`, Firefox's `X-Moz: prefetch`), `Sec-Purpose: prefetch` or
 * `prefetch;prerender` (speculation rules), and Next.js's router sends
 * `Next-Router-Prefetch: 1`. The shopper has not clicked anything yet.
 */
export function isPrefetch(headers: Headers): boolean {
  const purpose = [headers.get("sec-purpose"), headers.get("purpose"), headers.get("x-purpose")]
    .filter(Boolean)
    .join(",")
    .toLowerCase();
  return (
    /\b(prefetch|prerender|preview)\b/.test(purpose) ||
    headers.get("x-moz")?.toLowerCase() === "prefetch" ||
    headers.has("next-router-prefetch")
  );
}

/** Why a request for a tracked link is not a click, or null when it is one. */
export function uncountedReason(method: string, headers: Headers): UncountedReason | null {
  if (method.toUpperCase() === "HEAD") return "head";
  if (isPrefetch(headers)) return "prefetch";
  if (isBot(headers.get("user-agent"))) return "bot";
  return null;
}

export type DeviceClass = "mobile" | "tablet" | "desktop" | "unknown";

/**
 * A coarse device class, never a fingerprint. iPadOS Safari presents itself as a Mac, so
 * it counts as desktop; Chrome's `Sec-CH-UA-Mobile: ?1` hint settles mobile when present.
 */
export function deviceClass(
  userAgent: string | null | undefined,
  mobileHint?: string | null,
): DeviceClass {
  const ua = userAgent ?? "";
  if (/iPad|Tablet|PlayBook|Silk\/|Kindle|Nexus (7|9|10)\b/i.test(ua)) return "tablet";
  if (mobileHint === "?1") return "mobile";
  if (/Mobi|iPhone|iPod|Windows Phone|BlackBerry|Opera Mini/i.test(ua)) return "mobile";
  if (/Android/i.test(ua)) return "tablet"; // Android without "Mobile" is a tablet by Google's rule
  if (/^Mozilla\/5\.0 \((Windows|Macintosh|X11|CrOS)/.test(ua)) return "desktop";
  return "unknown";
}
