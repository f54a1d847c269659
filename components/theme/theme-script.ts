/** Where the choice is kept (the key next-themes used, so existing choices carry over). */
export const THEME_STORAGE_KEY = "theme";
export const THEME_CHOICES = ["light", "dark", "system"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/**
 * Runs before the page paints (inlined in <head> by the root layout, a server component):
 * puts `dark` on <html> from the stored choice or the system's, so there is no flash of the
 * wrong theme. It is only ever server-rendered — a <script> rendered by a client component
 * never runs and React warns about it (the warning next-themes caused on not-found pages).
 */
export function applyStoredTheme(storageKey: string): void {
  try {
    const stored = window.localStorage.getItem(storageKey);
    const system = window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    const resolved = stored === "light" || stored === "dark" ? stored : system;
    const root = document.documentElement;
    root.classList.toggle("dark", resolved === "dark");
    root.style.colorScheme = resolved;
  } catch {
    // Storage blocked (privacy mode): the light theme stays.
  }
}

export const themeScript = `(${applyStoredTheme.toString()})(${JSON.stringify(THEME_STORAGE_KEY)})`;
