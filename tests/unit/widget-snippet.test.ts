import { describe, expect, it } from "vitest";
import { readStoreSettings } from "@/lib/stores/settings";
import { snippetAttributesByLanguage, widgetDataAttributes } from "@/lib/widget/attributes";
import { widgetSnippet } from "@/lib/widget/snippet";

const store = { slug: "demo", timezone: "Asia/Tokyo" };

/** The attributes a browser would read from the snippet. */
function parseScriptTag(html: string): Record<string, string> {
  const match = /^<script ((?:[a-z_-]+="[^"<>]*" )+)async><\/script>$/.exec(html);
  if (!match) throw new Error(`not one clean script tag: ${html}`);
  const decode = (value: string) =>
    value
      .replaceAll("&quot;", '"')
      .replaceAll("&#39;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&");
  return Object.fromEntries(
    [...match[1]!.matchAll(/([a-z_-]+)="([^"]*)"/g)].map(([, name, value]) => [
      name,
      decode(value!),
    ]),
  );
}

describe("widget data attributes", () => {
  it("carry the owner's words in the page's language, else the default ones", () => {
    const settings = readStoreSettings({
      widget: {
        label: "Chat with us",
        greeting: "Welcome!",
        offlineNote: "Closed now",
        translations: { ja: { label: "チャットする", offlineNote: "営業時間外です" } },
      },
      businessHours: { enabled: true, days: { mon: [{ open: "09:00", close: "18:00" }] } },
    });
    expect(widgetDataAttributes(store, settings, { lang: "ja" })).toMatchObject({
      "data-label": "チャットする",
      "data-greeting": "Welcome!",
      "data-offline-note": "営業時間外です",
      "data-lang": "ja",
    });
    expect(widgetDataAttributes(store, settings, { lang: "ko" })).toMatchObject({
      "data-label": "Chat with us",
      "data-offline-note": "Closed now",
    });
    const snippets = snippetAttributesByLanguage(store, settings);
    expect(Object.keys(snippets).sort()).toEqual(["", "en", "ja", "ko", "zh-Hans"]);
    expect(snippets[""]).not.toHaveProperty("data-lang");
    expect(snippets[""]["data-label"]).toBe("Chat with us");
    // The snippet for any page carries every translation; widget.js picks one at run time.
    expect(parseScriptTag(widgetSnippet("https://app.test", snippets[""]))).toMatchObject({
      "data-label": "Chat with us",
      "data-label_ja": "チャットする",
      "data-offline-note_ja": "営業時間外です",
    });
    expect(snippets[""]).not.toHaveProperty("data-greeting_ja");
    expect(snippets.ja).not.toHaveProperty("data-label_ja");
    expect(parseScriptTag(widgetSnippet("https://app.test", snippets.ja))).toMatchObject({
      "data-lang": "ja",
      "data-label": "チャットする",
    });
  });

  it("carry the widget settings, and nothing about hours while they are off", () => {
    expect(widgetDataAttributes(store, readStoreSettings({}))).toEqual({
      "data-store": "demo",
      "data-position": "right",
      "data-colour": "#25D366",
      "data-label": "Chat with us",
    });
  });

  it("add the product, language, greeting and the schedule with its time zone", () => {
    const settings = readStoreSettings({
      widget: {
        position: "left",
        greeting: "Hello!",
        whenClosed: "note",
        offlineNote: "Back at 10",
      },
      businessHours: { enabled: true, days: { mon: [{ open: "09:00", close: "18:00" }] } },
    });
    expect(widgetDataAttributes(store, settings, { product: "matcha-set", lang: "ja" })).toEqual({
      "data-store": "demo",
      "data-position": "left",
      "data-colour": "#25D366",
      "data-label": "Chat with us",
      "data-greeting": "Hello!",
      "data-product": "matcha-set",
      "data-lang": "ja",
      "data-hours": "Mon0900-Mon1800",
      "data-tz": "Asia/Tokyo",
      "data-when-closed": "note",
      "data-offline-note": "Back at 10",
    });
  });

  it("leave out the offline note when the widget hides outside hours", () => {
    const settings = readStoreSettings({
      widget: { whenClosed: "hide" },
      businessHours: { enabled: true },
    });
    const attributes = widgetDataAttributes(store, settings);
    expect(attributes["data-when-closed"]).toBe("hide");
    expect(attributes["data-hours"]).toBe("");
    expect(attributes).not.toHaveProperty("data-offline-note");
  });
});

describe("widget snippet", () => {
  it("is one async script tag pointing at this app's widget.js", () => {
    const snippet = widgetSnippet("https://shop.example/", { "data-store": "demo" });
    expect(snippet).toBe(
      '<script src="https://shop.example/widget.js" data-store="demo" async></script>',
    );
  });

  it("keeps quotes and angle brackets in a label inside its attribute", () => {
    const label = `Chat "now" ' & <img src=x onerror=alert(1)> "><script>alert(2)</script>`;
    const settings = readStoreSettings({ widget: { label: label.slice(0, 40) } });
    const attributes = widgetDataAttributes(store, settings);
    attributes["data-greeting"] = label;
    const snippet = widgetSnippet("https://shop.example", attributes);
    expect(snippet).not.toMatch(/<(?!script |\/script>)/);
    expect(snippet.match(/"/g)?.length).toBe(2 * (Object.keys(attributes).length + 1));
    const parsed = parseScriptTag(snippet);
    expect(parsed["data-label"]).toBe(label.slice(0, 40).trim());
    expect(parsed["data-greeting"]).toBe(label);
    expect(Object.keys(parsed)).toEqual(["src", ...Object.keys(attributes)]);
  });

  it("refuses an attribute name that is not data-*", () => {
    expect(() =>
      widgetSnippet("https://shop.example", { "data-x onload": "1" } as Record<
        `data-${string}`,
        string
      >),
    ).toThrow(/data attribute/);
  });
});
