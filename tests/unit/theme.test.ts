import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { applyStoredTheme, themeScript, THEME_STORAGE_KEY } from "@/components/theme/theme-script";

function fakePage(stored: string | null, systemDark: boolean) {
  const classes = new Set<string>();
  const root = {
    classList: {
      toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)),
    },
    style: { colorScheme: "" },
  };
  vi.stubGlobal("window", {
    localStorage: { getItem: (key: string) => (key === THEME_STORAGE_KEY ? stored : null) },
    matchMedia: () => ({ matches: systemDark }),
  });
  vi.stubGlobal("document", { documentElement: root });
  return { classes, root };
}

afterEach(() => vi.unstubAllGlobals());

describe("the theme", () => {
  it.each([
    ["dark", false, true],
    ["light", true, false],
    [null, true, true],
    [null, false, false],
    ["nonsense", true, true],
  ] as const)("stored %s with a dark system %s → dark class %s", (stored, systemDark, dark) => {
    const { classes, root } = fakePage(stored, systemDark);
    applyStoredTheme(THEME_STORAGE_KEY);
    expect(classes.has("dark")).toBe(dark);
    expect(root.style.colorScheme).toBe(dark ? "dark" : "light");
  });

  it("inlines the same function for the first paint", () => {
    const { classes } = fakePage("dark", false);
    new Function(themeScript)();
    expect(classes.has("dark")).toBe(true);
  });

  it("provider renders no <script> (React warns about scripts from components, e.g. on 404 pages)", () => {
    const html = renderToStaticMarkup(
      createElement(ThemeProvider, null, createElement("p", null, "page")),
    );
    expect(html).toBe("<p>page</p>");
  });
});
