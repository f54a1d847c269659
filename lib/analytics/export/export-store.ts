import type { AnalyticsWindow } from "@/lib/analytics/range";

/** What an export needs of the member's store. */
export type ExportStore = { id: string; slug: string; timezone: string; currency: string };

/** The QR code column of a `qr` row whose code was deleted since (its id is gone). */
export const DELETED_QR_CODE = "(deleted QR code)";

/** `<store>-<kind>-<from>-to-<to>.csv`: the store and the days, as the owner asked for them. */
export function exportFilename(
  store: Pick<ExportStore, "slug">,
  kind: string,
  window: AnalyticsWindow,
): string {
  return `${store.slug}-${kind}-${window.from}-to-${window.to}.csv`;
}

/** The QR code name to show for a row of `source`: its name, or that it was deleted. */
export function qrCodeLabel(source: string, name: string | null): string | null {
  return source === "qr" ? (name ?? DELETED_QR_CODE) : null;
}
