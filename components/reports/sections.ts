/**
 * The report pages, in the order the tabs and the index list them. A section is listed only
 * once its page exists (its figures come from a merged SQL section function).
 */
export type ReportSection =
  | "conversions"
  | "revenue"
  | "products"
  | "traveller"
  | "loyalty"
  | "recovery"
  | "messages"
  | "definitions";

export const REPORT_SECTIONS: readonly ReportSection[] = [
  "conversions",
  "revenue",
  "products",
  "traveller",
  "loyalty",
  "recovery",
  "messages",
  "definitions",
];

export function reportHref(section: ReportSection, query = ""): string {
  return `/dashboard/reports/${section}${query ? `?${query}` : ""}`;
}
