import type { Metadata, Viewport } from "next";

import { ThemeProvider } from "@/components/theme/theme-provider";
import { themeScript } from "@/components/theme/theme-script";
import { Toaster } from "@/components/ui/sonner";
import { documentLanguage } from "@/lib/server/document-language";
import { cn } from "@/lib/utils";
import { GeistMono, GeistSans } from "./fonts";

import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: "Chatcart · Sell where your customers chat",
    template: "%s · Chatcart",
  },
  description:
    "Chatcart turns WhatsApp into a sales channel for stores. Its dashboard shows a store's orders, revenue, chats and customers.",
  applicationName: "Chatcart",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0c1512" },
  ],
};

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html
      lang={await documentLanguage()}
      suppressHydrationWarning
      className={cn(GeistSans.variable, GeistMono.variable)}
    >
      <head>
        {/* Server-rendered only: sets the theme class before the first paint. */}
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-dvh">
        <ThemeProvider>
          {children}
          <Toaster />
        </ThemeProvider>
      </body>
    </html>
  );
}
