import type { OutgoingContent } from "@/lib/whatsapp/content";
import { clampText, WHATSAPP_LIMITS } from "../limits";
import { containsKeyword, MATCH_SCORES, replyIdOf, textOf } from "../match";
import { botMessagesFor } from "../messages";
import type { BotContext, BotFaq, BotIntent } from "../types";
import { MENU_ROW_IDS } from "./menu";

export const FAQ_ID_PREFIX = "faq:";

/** FAQs in the conversation language; a store that wrote them in one language only shows those. */
function faqsToShow(all: BotFaq[], context: BotContext): BotFaq[] {
  const inLanguage = all.filter((faq) => faq.language === context.language);
  return inLanguage.length > 0 ? inLanguage : all;
}

function keywordHits(faq: BotFaq, text: string): number {
  return faq.keywords.filter((keyword) => containsKeyword(text, keyword)).length;
}

/** The FAQ whose keywords the text hits most, preferring the conversation language. */
function faqForText(all: BotFaq[], text: string, context: BotContext): BotFaq | null {
  const inLanguage = all.filter((faq) => faq.language === context.language);
  const others = all.filter((faq) => faq.language !== context.language);
  for (const group of [inLanguage, others]) {
    let best: BotFaq | null = null;
    let bestHits = 0;
    for (const faq of group) {
      const hits = keywordHits(faq, text);
      if (hits > bestHits) [best, bestHits] = [faq, hits];
    }
    if (best) return best;
  }
  return null;
}

async function faqFor(context: BotContext): Promise<BotFaq | null> {
  const replyId = replyIdOf(context);
  if (replyId?.startsWith(FAQ_ID_PREFIX)) {
    const id = replyId.slice(FAQ_ID_PREFIX.length);
    return (await context.faqs()).find((faq) => faq.id === id) ?? null;
  }
  const text = textOf(context);
  return text ? faqForText(await context.faqs(), text, context) : null;
}

function answer(faq: BotFaq): OutgoingContent {
  return {
    type: "text",
    text: clampText(`*${faq.question.trim()}*\n\n${faq.answer.trim()}`, WHATSAPP_LIMITS.text),
  };
}

async function questionList(context: BotContext): Promise<OutgoingContent> {
  const messages = botMessagesFor(context.language).faq;
  const faqs = faqsToShow(await context.faqs(), context).slice(0, WHATSAPP_LIMITS.listRows);
  if (faqs.length === 0) return { type: "text", text: messages.none };
  return {
    type: "list",
    body: messages.body,
    button: clampText(messages.button, WHATSAPP_LIMITS.listButton),
    sections: [
      {
        title: clampText(messages.section, WHATSAPP_LIMITS.sectionTitle),
        rows: faqs.map((faq) => ({
          id: `${FAQ_ID_PREFIX}${faq.id}`,
          title: clampText(faq.question, WHATSAPP_LIMITS.rowTitle),
          // A question cut in the title is shown whole (or nearly) below it.
          ...(faq.question.trim().length > WHATSAPP_LIMITS.rowTitle && {
            description: clampText(faq.question, WHATSAPP_LIMITS.rowDescription),
          }),
        })),
      },
    ],
  };
}

export const faqIntent: BotIntent = {
  name: "faq",
  match: async (context) => {
    const replyId = replyIdOf(context);
    if (replyId === MENU_ROW_IDS.faq || replyId?.startsWith(FAQ_ID_PREFIX)) {
      return MATCH_SCORES.replyId;
    }
    if (replyId !== null) return 0;
    return (await faqFor(context)) ? MATCH_SCORES.faqKeywords : 0;
  },
  reply: async (context) => {
    const faq = replyIdOf(context) === MENU_ROW_IDS.faq ? null : await faqFor(context);
    // A question removed since its list was sent falls back to the current list.
    return { intent: "faq", messages: [faq ? answer(faq) : await questionList(context)] };
  },
};
