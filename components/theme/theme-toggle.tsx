"use client";

import * as React from "react";
import { Monitor, Moon, Sun } from "lucide-react";
import { useTheme } from "@/components/theme/theme-provider";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

const ORDER = ["light", "dark", "system"] as const;
type ThemeChoice = (typeof ORDER)[number];

const LABELS: Record<ThemeChoice, string> = {
  light: "Light theme",
  dark: "Dark theme",
  system: "System theme",
};

function toChoice(theme: string | undefined): ThemeChoice {
  return theme === "light" || theme === "dark" ? theme : "system";
}

const subscribeNever = () => () => {};

/** Cycles light → dark → system. The icon shows the current choice. */
export function ThemeToggle({ className }: { className?: string }) {
  const { theme, setTheme } = useTheme();
  // The stored theme is unknown during server rendering; show a neutral state until hydrated.
  const hydrated = React.useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const current = hydrated ? toChoice(theme) : "system";
  const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length] ?? "system";
  const Icon = current === "light" ? Sun : current === "dark" ? Moon : Monitor;

  return (
    <Button
      type="button"
      variant="ghost"
      size="icon"
      className={cn("text-muted-foreground hover:text-foreground", className)}
      onClick={() => setTheme(next)}
      aria-label={`Switch to ${LABELS[next].toLowerCase()} (now: ${current})`}
      title={`Switch to ${LABELS[next].toLowerCase()}`}
    >
      <Icon aria-hidden="true" />
    </Button>
  );
}
