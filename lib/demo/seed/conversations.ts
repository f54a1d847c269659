import { buildPrefilledText, type PrefillSubject } from "@/lib/attribution/prefill";
import { CONSENT_NO_ID, CONSENT_YES_ID } from "@/lib/bot/consent";
import { CATALOG_REPLY_ID, PRODUCT_ID_PREFIX } from "@/lib/bot/intents/catalog";
import { FAQ_ID_PREFIX } from "@/lib/bot/intents/faq";
import { MENU_ROW_IDS } from "@/lib/bot/intents/menu";
import { chooseConversationLanguage } from "@/lib/bot/language";
import { classifyGraphResponse } from "@/lib/whatsapp/graph-errors";
import type { PlannedClick } from "./clicks";
import { CHAT_LINES, OWN_LANGUAGE_GREETINGS } from "./bot-content";
import { demoBot, demoBotWorld, type DemoBotWorld } from "./chat-bot";
import { ChatRun, type CustomerState, type SendFailureNote } from "./chat-run";
import { DEMO_PRODUCTS } from "./catalog";
import { chatRows, type ChatRecord, type DemoChatIds, type DemoChatRows } from "./chat-rows";
import type { DemoHistory, PlannedChat } from "./history";
import type { PlannedQrCode } from "./qr-codes";
import type { Rng } from "./random";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A click comes 8–240 seconds before its chat (db/seed/clicks.ts). */
const CLICK_LEAD = { min: 8 * SECOND, max: 240 * SECOND };

export type DemoConversationInput = {
  history: DemoHistory;
  clicks: readonly PlannedClick[];
  qrCodes: readonly PlannedQrCode[];
  store: DemoBotWorld["store"];
  now: Date;
};

export type { DemoChatIds, DemoChatRows } from "./chat-rows";

function failureNote(code: number, title: string): SendFailureNote {
  // Recorded as the outbox sender classifies Meta's answer (lib/whatsapp/graph-errors.ts).
  return { code, reason: classifyGraphResponse(400, { error: { code, message: title } }).reason };
}
const REENGAGEMENT = failureNote(131047, "(#131047) Re-engagement message");
const UNDELIVERABLE = failureNote(131026, "(#131026) Message undeliverable");

/** Binary search in ascending `times`: the first index whose time is at least `from`. */
function firstAtOrAfter(times: readonly number[], from: number): number {
  let [low, high] = [0, times.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The click behind each attributed chat (null for unattributed ones): the same source, a
 * few minutes before, in the shopper's language, about something they bought. Chats are
 * taken in time order and each gets the earliest click that fits, so no click serves two.
 */
export function clicksOfChats(history: DemoHistory, clicks: readonly PlannedClick[]) {
  const used = new Set<number>();
  const times = clicks.map((click) => click.at.getTime());
  const fits = (chat: PlannedChat, click: PlannedClick, strict: boolean) => {
    if (click.source !== chat.source) return false;
    if (!strict) return true;
    if (click.language !== history.customers[chat.customer]!.locale) return false;
    const bought = chat.order?.items.map((item) => item.product) ?? [];
    return click.source === "qr" || click.product === null || bought.length === 0
      ? true
      : bought.includes(click.product);
  };
  return history.chats.map((chat) => {
    if (chat.source === "unattributed") return null;
    const first = firstAtOrAfter(times, chat.at.getTime() - CLICK_LEAD.max);
    for (const strict of [true, false]) {
      for (
        let i = first;
        i < clicks.length && times[i]! <= chat.at.getTime() - CLICK_LEAD.min;
        i++
      ) {
        if (!used.has(i) && fits(chat, clicks[i]!, strict)) {
          used.add(i);
          return i;
        }
      }
    }
    throw new Error(`No click for the ${chat.source} chat at ${chat.at.toISOString()}`);
  });
}

const startsWith = (prefix: string) => (ids: string[]) => ids.find((id) => id.startsWith(prefix));
const oneOf =
  (...wanted: string[]) =>
  (ids: string[]) =>
    ids.find((id) => wanted.includes(id));

type ChatPlan = {
  chat: PlannedChat;
  openerIsQuestion: boolean;
  handOff: boolean;
  lateAgent: boolean;
  waiting: boolean;
  consent: "yes" | "no" | "ignore";
  optedInAt: number | null;
  stopAtEnd: boolean;
  boughtProductIds: string[];
};

async function pickProduct(run: ChatRun, plan: ChatPlan): Promise<void> {
  if (!(await run.tap(oneOf(CATALOG_REPLY_ID, MENU_ROW_IDS.catalog), run.after(15, 120)))) return;
  const wanted = plan.boughtProductIds.map((id) => PRODUCT_ID_PREFIX + id);
  await run.tap(
    (ids) => ids.find((id) => wanted.includes(id)) ?? startsWith(PRODUCT_ID_PREFIX)(ids),
    run.after(10, 90),
  );
}

/** The shopper's side of one chat: what they tap and type after the first message. */
async function playChat(run: ChatRun, rng: Rng, plan: ChatPlan): Promise<void> {
  const lines = CHAT_LINES[run.language === "ja" ? "ja" : "en"];
  if (run.askedConsent && plan.consent !== "ignore") {
    const yes = plan.consent === "yes";
    const at = Math.max(plan.optedInAt ?? 0, run.after(15, yes ? 60 : 200));
    await run.tap(oneOf(yes ? CONSENT_YES_ID : CONSENT_NO_ID), at);
  }
  const { order } = plan.chat;
  if (plan.handOff) {
    const script = rng.pick(lines.handOffs);
    await run.say(script.ask, run.after(20, 180));
    const lastInbound = run.setup.state.lastInboundAt?.getTime() ?? run.clock;
    if (plan.lateAgent) {
      // Queued seconds before the 24-hour window closed and sent after it: WhatsApp refuses.
      run.agent(script.answer, lastInbound + DAY - rng.int(3, 15) * SECOND, REENGAGEMENT);
    } else if (run.agent(script.answer, run.after(180, 2700))) {
      const followed = await run.say(script.follow, run.after(60, 600));
      if (followed && !plan.waiting) run.agent(script.closing, run.after(60, 360));
    }
  } else if (order) {
    if (rng.chance(0.3)) await pickProduct(run, plan);
    if (order.paidAt && rng.chance(0.15)) {
      await run.say(
        lines.orderStatus,
        Math.max(run.after(60, 120), order.paidAt.getTime() + rng.int(2, 40) * MINUTE),
      );
    }
  } else {
    const choice = rng.next();
    if (choice < 0.2 && !plan.openerIsQuestion)
      await run.say(rng.pick(lines.faqQuestions), run.after(20, 240));
    else if (choice < 0.35 && (await run.tap(oneOf(MENU_ROW_IDS.faq), run.after(10, 90)))) {
      await run.tap(startsWith(FAQ_ID_PREFIX), run.after(10, 60));
    } else if (choice < 0.5) await pickProduct(run, plan);
  }
  if (plan.stopAtEnd) await run.say(lines.stop, run.after(120, 5400));
}

function openerFor(
  rng: Rng,
  input: DemoConversationInput,
  chat: PlannedChat,
  click: PlannedClick | null,
) {
  if (click) {
    const qrMessage = click.qrCode === null ? null : input.qrCodes[click.qrCode]?.prefilledMessage;
    const subject: PrefillSubject = qrMessage
      ? { kind: "custom", message: qrMessage }
      : click.product !== null
        ? { kind: "product", productName: DEMO_PRODUCTS[click.product]!.name }
        : { kind: "store" };
    return { text: buildPrefilledText(click.language, subject, click.ref), question: false };
  }
  const locale = input.history.customers[chat.customer]!.locale;
  const lines = CHAT_LINES[locale === "ja" ? "ja" : "en"];
  if (rng.chance(0.45)) return { text: rng.pick(lines.faqQuestions), question: true };
  const own = OWN_LANGUAGE_GREETINGS[locale];
  return { text: own && rng.chance(0.5) ? own : rng.pick(lines.greetings), question: false };
}

/**
 * The demo's conversations: one per planned chat (so one per chat_started event), attributed
 * to the click that started it, played through the real bot; a few handed to a person, a few
 * sends refused by WhatsApp; every chat but a customer's latest closed before the next one.
 */
export async function planDemoConversations(
  rng: Rng,
  input: DemoConversationInput,
  ids: DemoChatIds,
): Promise<DemoChatRows> {
  const { history } = input;
  const now = input.now.getTime();
  const bot = demoBot(demoBotWorld(input, ids));
  const clickOf = clicksOfChats(history, input.clicks);
  const records: ChatRecord[] = [];
  const states: CustomerState[] = history.customers.map(() => ({
    consentAskedAt: null,
    optedInAt: null,
    optedOutAt: null,
    lastInboundAt: null,
  }));
  const chatsOf = history.customers.map(() => [] as number[]);
  history.chats.forEach((chat, i) => chatsOf[chat.customer]!.push(i));

  for (const [customerIndex, customer] of history.customers.entries()) {
    const people = rng.fork(`customer:${customerIndex}`);
    const consent = customer.optedInAt ? "yes" : people.chance(0.25) ? "no" : "ignore";
    const own = chatsOf[customerIndex]!;
    for (const [position, chatIndex] of own.entries()) {
      const chat = history.chats[chatIndex]!;
      const nextChat = own[position + 1];
      const next =
        nextChat === undefined ? Number.POSITIVE_INFINITY : history.chats[nextChat]!.at.getTime();
      const clickIndex = clickOf[chatIndex] ?? null;
      const click = clickIndex === null ? null : input.clicks[clickIndex]!;
      const opener = openerFor(people, input, chat, click);
      const language = chooseConversationLanguage({
        clickLanguage: click?.language ?? null,
        customerLocale: customer.locale,
        text: opener.text,
        storeDefault: "ja",
      });
      const start = chat.at.getTime();
      const isRecentLast = nextChat === undefined && start > now - 3 * DAY;
      const handOff = people.chance(isRecentLast ? 0.25 : chat.order ? 0.05 : 0.1);
      const run = new ChatRun(bot, people.fork(`chat:${chatIndex}`), {
        language,
        customer: { index: customerIndex, name: customer.name },
        state: states[customerIndex]!,
        startAt: start,
        stepLimit: Math.min(now, next) - 30 * SECOND,
        replyLimit: Math.min(now - 5 * SECOND, next - SECOND),
      });
      const referred = click?.product == null ? null : (ids.productIds[click.product] ?? null);
      await run.open(opener.text, referred);
      await playChat(run, people, {
        chat,
        openerIsQuestion: opener.question,
        handOff,
        lateAgent: handOff && Math.min(now, next) - start > 3 * DAY && people.chance(0.05),
        // Some of the latest hand-offs still wait for the agent's last word.
        waiting: isRecentLast && people.chance(0.4),
        consent,
        optedInAt: customer.optedInAt?.getTime() ?? null,
        stopAtEnd: nextChat === undefined && customer.optedOutAt !== null,
        boughtProductIds: (chat.order?.items ?? []).map((item) => ids.productIds[item.product]!),
      });
      records.push({ chatIndex, clickIndex, run, next, agentUser: people.pick(ids.agentUserIds) });
    }
  }
  markUndeliverable(rng.fork("undeliverable"), records, now);
  return chatRows(rng.fork("deliveries"), records, states, input, ids);
}

/** A few bot messages, the last of their chat, that WhatsApp could not deliver (131026). */
function markUndeliverable(rng: Rng, records: readonly ChatRecord[], now: number): void {
  const candidates = records
    .map((record) => record.run.messages.at(-1))
    .filter((last) => last?.author === "bot" && last.at < now - 2 * DAY);
  for (let i = 0; i < 4 && candidates.length > 0; i++) {
    const [chosen] = candidates.splice(rng.int(0, candidates.length - 1), 1);
    if (chosen) chosen.failure = UNDELIVERABLE;
  }
}
