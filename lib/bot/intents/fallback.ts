import type { InboundContent } from "@/lib/whatsapp/content";
import { MATCH_SCORES } from "../match";
import { botMessagesFor, type BotMessages } from "../messages";
import type { BotIntent } from "../types";
import { menuList } from "./menu";

/** The intent recorded on the answer to something unreadable; it is given once per conversation. */
export const UNSUPPORTED_INTENT = "unsupported";

/** What to say before the menu, by what the shopper sent. */
function leadFor(inbound: InboundContent, messages: BotMessages["fallback"]): string {
  switch (inbound.kind) {
    case "media":
      return messages[inbound.mediaType];
    case "location":
      return messages.location;
    case "contacts":
      return messages.contacts;
    case "unsupported":
      return messages.unsupported;
    // Thread events never reach the bot, and orders and welcomes have intents of their own;
    // should one fall through, the menu is still the right answer.
    case "text":
    case "reply":
    case "order":
    case "welcome":
    case "reaction":
    case "edit":
    case "revoke":
    case "system":
      return messages.notUnderstood;
  }
}

/** Always matches, lowest of all: whatever nothing else answered gets the menu. */
export const fallbackIntent: BotIntent = {
  name: "fallback",
  match: () => MATCH_SCORES.fallback,
  reply: async (context) => {
    const points = Boolean(await context.loyalty?.programme());
    const lead = leadFor(context.inbound, botMessagesFor(context.language).fallback);
    const intent = context.inbound.kind === "unsupported" ? UNSUPPORTED_INTENT : "fallback";
    return { intent, messages: [menuList(context, lead, { points })] };
  },
};
