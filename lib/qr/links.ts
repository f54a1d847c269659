import type { QrImageFormat } from "./image-query";
import type { QrEcLevel } from "./render";

/**
 * The tracked links QR codes encode: scanning one opens /go/<store> (which records the
 * click and redirects to WhatsApp), so a scan is a click with its own source.
 */

/** What a printed, named QR code encodes: `<origin>/go/<store>?src=qr&qr=<code>`. */
export function qrScanUrl(origin: string, storeSlug: string, code: string): string {
  const url = new URL(`/go/${encodeURIComponent(storeSlug)}`, origin);
  url.searchParams.set("src", "qr");
  url.searchParams.set("qr", code);
  return url.toString();
}

/**
 * What the widget's desktop panel shows, for continuing on the phone:
 * `<origin>/go/<store>?src=desktop_qr&product=<slug>&lang=<lang>`.
 */
export function desktopQrUrl(
  origin: string,
  storeSlug: string,
  { product, lang }: { product?: string; lang?: string } = {},
): string {
  const url = new URL(`/go/${encodeURIComponent(storeSlug)}`, origin);
  url.searchParams.set("src", "desktop_qr");
  if (product) url.searchParams.set("product", product);
  if (lang) url.searchParams.set("lang", lang);
  return url.toString();
}

/** Same-origin path of a named code's image (GET /qr/<store>), for the dashboard's previews and downloads. */
export function qrImagePath(
  storeSlug: string,
  code: string,
  { format, size, ec = "M" }: { format: QrImageFormat; size: number; ec?: QrEcLevel },
): string {
  const query = new URLSearchParams({ qr: code, format, size: String(size), ec });
  return `/qr/${encodeURIComponent(storeSlug)}?${query}`;
}
