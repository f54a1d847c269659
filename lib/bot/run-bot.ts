import { fallbackIntent } from "./intents/fallback";
import { BOT_INTENTS } from "./registry";
import type { BotContext, BotIntent, BotLoyalty, BotReply } from "./types";

/** Calls `load` once, however many intents ask (an intent's match and reply often both do). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => (loading ??= load());
}

/** Reads asked by several intents load once; actions (join, redeem …) run when called. */
function sharedLoyalty(loyalty: BotLoyalty): BotLoyalty {
  return {
    ...loyalty,
    programme: once(() => loyalty.programme()),
    isMember: once(() => loyalty.isMember()),
    birthdayAsked: once(() => loyalty.birthdayAsked()),
  };
}

function withSharedLoads(context: BotContext): BotContext {
  const products = new Map<string, ReturnType<BotContext["findProduct"]>>();
  return {
    ...context,
    listProducts: once(() => context.listProducts()),
    recentOrders: once(() => context.recentOrders()),
    faqs: once(() => context.faqs()),
    paymentsAvailable: once(() => context.paymentsAvailable()),
    quantityAskedFor: once(() => context.quantityAskedFor()),
    ...(context.loyalty && { loyalty: sharedLoyalty(context.loyalty) }),
    findProduct: (id) => {
      const found = products.get(id) ?? context.findProduct(id);
      products.set(id, found);
      return found;
    },
  };
}

/** The highest-scoring intent, the earliest among equals; `fallbackIntent` if none scores. */
export async function pickIntent(
  context: BotContext,
  intents: readonly BotIntent[] = BOT_INTENTS,
): Promise<BotIntent> {
  const scores = await Promise.all(intents.map((intent) => intent.match(context)));
  let best: BotIntent = fallbackIntent;
  let bestScore = 0;
  intents.forEach((intent, index) => {
    const score = scores[index] ?? 0;
    if (score > bestScore) [best, bestScore] = [intent, score];
  });
  return best;
}

/** Answers one inbound message. Pure: everything it reads comes from `context`. */
export async function runBot(
  context: BotContext,
  intents: readonly BotIntent[] = BOT_INTENTS,
): Promise<BotReply> {
  const shared = withSharedLoads(context);
  const intent = await pickIntent(shared, intents);
  return intent.reply(shared);
}
