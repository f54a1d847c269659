import localFont from "next/font/local";

export { GeistSans } from "geist/font/sans";

/**
 * geist's GeistMono, not preloaded: only a few dashboard details use it, and a preloaded 70 KB
 * font competed with the storefront's stylesheet and hero image on a phone's network.
 */
export const GeistMono = localFont({
  src: "../node_modules/geist/dist/fonts/geist-mono/GeistMono-Variable.woff2",
  variable: "--font-geist-mono",
  preload: false,
  adjustFontFallback: false,
  fallback: ["ui-monospace", "SFMono-Regular", "Menlo", "Monaco", "monospace"],
  weight: "100 900",
});
