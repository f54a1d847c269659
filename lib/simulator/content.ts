import { z } from "zod";
import type { OutgoingContent } from "@/lib/whatsapp/content";

/**
 * Reads a stored outbound message's content back as OutgoingContent. Rows are written by
 * queueOutgoingMessage, but jsonb is only as typed as its last writer: anything that does
 * not match is shown as plain text instead of breaking the thread.
 */
const optional = z.string().optional();
const outgoingContentSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string(), previewUrl: z.boolean().optional() }),
  z.object({
    type: z.literal("buttons"),
    body: z.string(),
    header: optional,
    footer: optional,
    buttons: z.array(z.object({ id: z.string(), title: z.string() })),
  }),
  z.object({
    type: z.literal("list"),
    body: z.string(),
    header: optional,
    footer: optional,
    button: z.string(),
    sections: z.array(
      z.object({
        title: z.string(),
        rows: z.array(z.object({ id: z.string(), title: z.string(), description: optional })),
      }),
    ),
  }),
  z.object({
    type: z.literal("cta_url"),
    body: z.string(),
    displayText: z.string(),
    url: z.string(),
    header: optional,
    footer: optional,
  }),
  z.object({
    type: z.literal("template"),
    name: z.string(),
    language: z.string(),
    bodyParameters: z.array(z.string()),
  }),
]) satisfies z.ZodType<OutgoingContent>;

export function readOutgoingContent(raw: unknown, fallbackText: string): OutgoingContent {
  const parsed = outgoingContentSchema.safeParse(raw);
  return parsed.success ? parsed.data : { type: "text", text: fallbackText };
}

/** Only web links become buttons: a javascript: or data: URL in a message is shown, not opened. */
export function safeLinkUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}
