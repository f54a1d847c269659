import type { InboundContent } from "@/lib/whatsapp/content";
import { MATCH_SCORES } from "../match";
import { botMessagesFor, type BotMessages } from "../messages";
import type { BotIntent } from "../types";
import { menuList } from "./menu";

/** What to say before the menu, by what the shopper sent. */
function leadFor(inbound: InboundContent, messages: BotMessages["fallback"]): string {
  switch (inbound.kind) {
    case "media":
      return messages[inbound.mediaType];
    case "location":
      return messages.location;
    case "unsupported":
      return messages.unsupported;
    case "text":
    case "reply":
      return messages.notUnderstood;
  }
}

/** Always matches, lowest of all: whatever nothing else answered gets the menu. */
export const fallbackIntent: BotIntent = {
  name: "fallback",
  match: () => MATCH_SCORES.fallback,
  reply: (context) => {
    const lead = leadFor(context.inbound, botMessagesFor(context.language).fallback);
    return { intent: "fallback", messages: [menuList(context, lead)] };
  },
};
