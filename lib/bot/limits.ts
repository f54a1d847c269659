import type { OutgoingContent } from "@/lib/whatsapp/content";

/** What the Cloud API accepts; longer values are rejected with error 131009 rather than cut. */
export const WHATSAPP_LIMITS = {
  text: 4096,
  body: 1024,
  header: 60,
  footer: 60,
  buttons: 3,
  buttonTitle: 20,
  listButton: 20,
  listRows: 10,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
  ctaDisplayText: 20,
  replyId: 256,
} as const;

const ELLIPSIS = "…";

/**
 * Cuts `text` to at most `max` UTF-16 units, ending in "…" when cut. Counting UTF-16 units
 * is stricter than counting characters, so the result fits however WhatsApp counts, and
 * the cut never splits a surrogate pair.
 */
export function clampText(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  if (max <= 0) return "";
  let kept = "";
  for (const char of trimmed) {
    if (kept.length + char.length > max - ELLIPSIS.length) break;
    kept += char;
  }
  return kept.trimEnd() + ELLIPSIS;
}

function check(problems: string[], what: string, value: string | undefined, max: number) {
  if (value !== undefined && value.length > max) {
    problems.push(`${what} is ${value.length} long (max ${max}): ${value}`);
  }
  if (value !== undefined && value.trim() === "") problems.push(`${what} is empty`);
}

/** Every WhatsApp limit `content` breaks, as readable lines (empty when it can be sent). */
export function limitViolations(content: OutgoingContent): string[] {
  const problems: string[] = [];
  switch (content.type) {
    case "text":
      check(problems, "text", content.text, WHATSAPP_LIMITS.text);
      break;
    case "buttons":
      check(problems, "body", content.body, WHATSAPP_LIMITS.body);
      check(problems, "header", content.header, WHATSAPP_LIMITS.header);
      check(problems, "footer", content.footer, WHATSAPP_LIMITS.footer);
      if (content.buttons.length === 0 || content.buttons.length > WHATSAPP_LIMITS.buttons) {
        problems.push(`${content.buttons.length} buttons (1 to ${WHATSAPP_LIMITS.buttons})`);
      }
      for (const button of content.buttons) {
        check(problems, "button title", button.title, WHATSAPP_LIMITS.buttonTitle);
        check(problems, "button id", button.id, WHATSAPP_LIMITS.replyId);
      }
      break;
    case "list": {
      check(problems, "body", content.body, WHATSAPP_LIMITS.body);
      check(problems, "header", content.header, WHATSAPP_LIMITS.header);
      check(problems, "footer", content.footer, WHATSAPP_LIMITS.footer);
      check(problems, "list button", content.button, WHATSAPP_LIMITS.listButton);
      const rows = content.sections.flatMap((section) => section.rows);
      if (rows.length === 0 || rows.length > WHATSAPP_LIMITS.listRows) {
        problems.push(`${rows.length} rows (1 to ${WHATSAPP_LIMITS.listRows})`);
      }
      for (const section of content.sections) {
        check(problems, "section title", section.title, WHATSAPP_LIMITS.sectionTitle);
      }
      for (const row of rows) {
        check(problems, "row title", row.title, WHATSAPP_LIMITS.rowTitle);
        check(problems, "row description", row.description, WHATSAPP_LIMITS.rowDescription);
        check(problems, "row id", row.id, WHATSAPP_LIMITS.replyId);
      }
      break;
    }
    case "cta_url":
      check(problems, "body", content.body, WHATSAPP_LIMITS.body);
      check(problems, "display text", content.displayText, WHATSAPP_LIMITS.ctaDisplayText);
      break;
    case "template":
      break;
  }
  return problems;
}
