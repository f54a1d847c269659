import { z } from "zod";
import { DEFAULT_SIMULATOR_NAME } from "./customer";
import { SIMULATOR_TEXT_MAX } from "./prefill";
import type { SimulatorMessage } from "./send";

const profileName = z
  .string()
  .trim()
  .max(60, "Keep the name under 60 characters")
  .transform((name) => name || DEFAULT_SIMULATOR_NAME)
  .default(DEFAULT_SIMULATOR_NAME);

/** The simulator's message box. */
export const simulatorTextSchema = z
  .object({
    profileName,
    text: z
      .string({ error: "Type a message" })
      .trim()
      .min(1, "Type a message")
      .max(SIMULATOR_TEXT_MAX, `WhatsApp messages hold up to ${SIMULATOR_TEXT_MAX} characters`),
  })
  .transform(({ profileName, text }) => ({
    profileName,
    message: { type: "text", text } satisfies SimulatorMessage,
  }));

/** A tap on a reply button or a list row of one of the store's messages. */
export const simulatorTapSchema = z
  .object({
    profileName,
    kind: z.enum(["button_reply", "list_reply"]),
    replyId: z.string().min(1).max(256),
    title: z.string().min(1).max(72),
    description: z.string().max(72).optional(),
  })
  .transform(({ profileName, kind, replyId, title, description }) => ({
    profileName,
    message: (kind === "button_reply"
      ? { type: kind, id: replyId, title }
      : {
          type: kind,
          id: replyId,
          title,
          ...(description ? { description } : {}),
        }) satisfies SimulatorMessage,
  }));
