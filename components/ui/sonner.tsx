"use client";

import * as React from "react";
import { useTheme } from "@/components/theme/theme-provider";
import { Toaster as Sonner, type ToasterProps } from "sonner";

/** Sonner's toaster, following the app's theme and colours. */
function Toaster(props: ToasterProps) {
  const { theme } = useTheme();
  const toasterTheme = theme;

  return (
    <Sonner
      theme={toasterTheme}
      className="toaster group"
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster };
