import { buyIntent } from "./intents/buy";
import { cartIntent, payNowIntent } from "./intents/cart";
import { catalogIntent } from "./intents/catalog";
import { catalogOrderIntent } from "./intents/catalog-order";
import { fallbackIntent } from "./intents/fallback";
import { faqIntent } from "./intents/faq";
import { handOffIntent } from "./intents/hand-off";
import { birthdayIntent, loyaltyIntent } from "./intents/loyalty";
import { loyaltyPayIntent } from "./intents/loyalty-pay";
import { menuIntent } from "./intents/menu";
import { orderStatusIntent } from "./intents/order-status";
import { productInquiryIntent } from "./intents/product-inquiry";
import { purchaseIntent } from "./intents/purchase";
import type { BotIntent } from "./types";

/**
 * Every intent the bot knows. The highest match score answers; on a tie the earlier entry
 * wins, so more specific intents come first. A new intent is one more file and one more line.
 */
export const BOT_INTENTS: readonly BotIntent[] = [
  catalogOrderIntent,
  buyIntent,
  payNowIntent,
  loyaltyPayIntent,
  cartIntent,
  productInquiryIntent,
  birthdayIntent,
  handOffIntent,
  loyaltyIntent,
  faqIntent,
  purchaseIntent,
  orderStatusIntent,
  catalogIntent,
  menuIntent,
  fallbackIntent,
];
