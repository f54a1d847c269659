/**
 * A colour per entry point for stacked charts: the theme's five chart colours, then mixes of
 * them with the text colour (so they follow light and dark), unattributed in muted grey.
 */
const SOURCE_COLOURS: Record<string, string> = {
  widget: "var(--chart-1)",
  product_button: "var(--chart-2)",
  desktop_qr: "var(--chart-3)",
  qr: "var(--chart-4)",
  cart: "var(--chart-5)",
  link: "color-mix(in oklch, var(--chart-2) 55%, var(--foreground))",
  ad: "color-mix(in oklch, var(--chart-5) 55%, var(--foreground))",
  unattributed: "var(--muted-foreground)",
};

export function sourceColour(source: string): string {
  return SOURCE_COLOURS[source] ?? "color-mix(in oklch, var(--chart-1) 50%, var(--foreground))";
}
