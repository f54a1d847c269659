"use client";

import * as React from "react";
import { applyStoredTheme, THEME_STORAGE_KEY, type ThemeChoice } from "./theme-script";

type ThemeContextValue = { theme: ThemeChoice; setTheme: (theme: ThemeChoice) => void };

const ThemeContext = React.createContext<ThemeContextValue>({
  theme: "system",
  setTheme: () => {},
});

function readStoredChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

const CHANGE_EVENT = "chatcart-theme-change";

/** The stored choice as an external store: this tab's changes and other tabs' (storage event). */
function subscribeToChoice(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** Switching themes should not animate every colour on the page at once. */
function withoutTransitions(apply: () => void) {
  const style = document.createElement("style");
  style.textContent = "*,*::before,*::after{transition:none!important}";
  document.head.appendChild(style);
  apply();
  window.getComputedStyle(document.body);
  window.setTimeout(() => style.remove(), 1);
}

/**
 * Light / dark / system, stored in localStorage and applied as the `dark` class on <html>.
 * The first paint is handled by the layout's inline script (theme-script.ts); this keeps the
 * choice in React state, follows the system while "system" is chosen, and renders no <script>.
 */
export function ThemeProvider({ children }: { children: React.ReactNode }) {
  const theme = React.useSyncExternalStore<ThemeChoice>(
    subscribeToChoice,
    readStoredChoice,
    () => "system",
  );

  React.useEffect(() => {
    if (theme !== "system") return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const follow = () => withoutTransitions(() => applyStoredTheme(THEME_STORAGE_KEY));
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, [theme]);

  const setTheme = React.useCallback((next: ThemeChoice) => {
    try {
      if (next === "system") window.localStorage.removeItem(THEME_STORAGE_KEY);
      else window.localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Not stored; still applied for this page.
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
    withoutTransitions(() => {
      const system = window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
      const resolved = next === "system" ? system : next;
      document.documentElement.classList.toggle("dark", resolved === "dark");
      document.documentElement.style.colorScheme = resolved;
    });
  }, []);

  const value = React.useMemo(() => ({ theme, setTheme }), [theme, setTheme]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeContextValue {
  return React.useContext(ThemeContext);
}
