import type { ShopperLanguage } from "@/lib/i18n/languages";
import { formatMessage } from "@/lib/i18n/messages";
import { ORDER_MESSAGES } from "./order-messages";

/** What a member's payment confirmation says about points (lib/loyalty/paid-order.ts). */
export type ConfirmationPoints = {
  earned: number;
  /** Set when the earned points are pending (the store's return window) until then. */
  pendingUntil: Date | null;
  bonus: number;
  balance: number;
  pending: number;
  /** The tier the payment moved the member up to, announced once. */
  newTierName: string | null;
  /** The store's, for the pending date. */
  timezone: string;
};

/** The confirmation's points lines, in the order's language. */
export function pointsLines(points: ConfirmationPoints, language: ShopperLanguage): string {
  const words = ORDER_MESSAGES[language].points;
  const number = new Intl.NumberFormat(language);
  const count = (value: number) => number.format(value);
  const lines: string[] = [];
  if (points.earned > 0) {
    lines.push(
      points.pendingUntil
        ? formatMessage(words.earnedPending, {
            points: count(points.earned),
            date: new Intl.DateTimeFormat(language, {
              dateStyle: "medium",
              timeZone: points.timezone,
            }).format(points.pendingUntil),
          })
        : formatMessage(words.earned, { points: count(points.earned) }),
    );
  }
  if (points.bonus > 0) lines.push(formatMessage(words.bonus, { points: count(points.bonus) }));
  lines.push(
    formatMessage(points.pending > 0 ? words.balancePending : words.balance, {
      balance: count(points.balance),
      pending: count(points.pending),
    }),
  );
  if (points.newTierName) lines.push(formatMessage(words.tierUp, { tier: points.newTierName }));
  return lines.join("\n");
}
