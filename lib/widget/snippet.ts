import type { WidgetDataAttributes } from "./attributes";

const ATTRIBUTE_NAME = /^data-[a-z0-9_-]+$/;

/**
 * A value for a double-quoted HTML attribute: `&`, `"` and angle brackets as references
 * (an apostrophe cannot end a double-quoted value, so it stays readable).
 */
export function escapeAttribute(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

/**
 * The one-line embed snippet: `<script src="<origin>/widget.js" data-…="…" async></script>`.
 * Every value is escaped, so a label such as `"><img onerror=…>` stays text inside its
 * attribute; attribute names come from lib/widget/attributes.ts and are checked anyway.
 */
export function widgetSnippet(origin: string, attributes: WidgetDataAttributes): string {
  const src = new URL("/widget.js", origin).toString();
  const parts = [`src="${escapeAttribute(src)}"`];
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE_NAME.test(name)) throw new Error(`Not a data attribute name: ${name}`);
    parts.push(`${name}="${escapeAttribute(value)}"`);
  }
  return `<script ${parts.join(" ")} async></script>`;
}
