import { REF_ALPHABET } from "@/lib/attribution/refs";
import { QR_CODE_LENGTH } from "@/lib/qr/public-code";
import type { NewQrCode } from "@/db/schema";
import { DEMO_PRODUCTS } from "./catalog";
import type { Rng } from "./random";

const DAY = 86_400_000;

/** A named QR code of the demo store, printed before or during the 90 days of history. */
export type PlannedQrCode = {
  code: string;
  name: string;
  /** Index into DEMO_PRODUCTS, or null for a code that opens a chat with the store. */
  product: number | null;
  prefilledMessage: string | null;
  createdAt: Date;
  archivedAt: Date | null;
  /** Relative share of the in-shop scans while the code is out there. */
  weight: number;
};

const MATCHA_SET = DEMO_PRODUCTS.findIndex(
  (product) => product.slug === "matcha-ceremony-gift-set",
);

/** Distinct public codes from the ref alphabet, drawn from the demo's seeded generator. */
function drawCodes(rng: Rng, count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let code = "";
    for (let i = 0; i < QR_CODE_LENGTH; i++) code += rng.pick([...REF_ALPHABET]);
    codes.add(code);
  }
  return [...codes];
}

/**
 * The demo's QR codes: the card on the Gion shop's counter, a display next to the matcha
 * gift set, the counter card of a second shop in Arashiyama, and a flyer from a spring
 * tea fair, archived a month into the history (its scans stay counted).
 */
export function planQrCodes(
  rng: Rng,
  { storeCreatedAt, historyStart }: { storeCreatedAt: Date; historyStart: Date },
): PlannedQrCode[] {
  const [gion, matcha, arashiyama, fair] = drawCodes(rng, 4) as [string, string, string, string];
  const afterOpening = (days: number) => new Date(storeCreatedAt.getTime() + days * DAY);
  const intoHistory = (days: number) => new Date(historyStart.getTime() + days * DAY);
  return [
    {
      code: gion,
      name: "Shop card — Gion store",
      product: null,
      prefilledMessage: null,
      createdAt: afterOpening(2),
      archivedAt: null,
      weight: 50,
    },
    {
      code: matcha,
      name: "Matcha set display",
      product: MATCHA_SET,
      prefilledMessage: null,
      createdAt: afterOpening(5),
      archivedAt: null,
      weight: 16,
    },
    {
      code: arashiyama,
      name: "Counter card — Arashiyama store",
      product: null,
      prefilledMessage: null,
      createdAt: afterOpening(9),
      archivedAt: null,
      weight: 28,
    },
    {
      code: fair,
      name: "Spring tea fair flyer",
      product: null,
      prefilledMessage: "Hi! I picked up your flyer at the tea fair",
      createdAt: intoHistory(-12),
      archivedAt: intoHistory(30),
      weight: 24,
    },
  ];
}

/** Whether shoppers could scan the code at `at` (it was printed and not yet withdrawn). */
export function isLiveAt(qrCode: PlannedQrCode, at: Date): boolean {
  return qrCode.createdAt <= at && (!qrCode.archivedAt || at < qrCode.archivedAt);
}

export function qrCodeRows(
  plan: readonly PlannedQrCode[],
  ids: { storeId: string; qrCodeIds: readonly string[]; productIds: readonly string[] },
): NewQrCode[] {
  return plan.map((qrCode, i) => ({
    id: ids.qrCodeIds[i],
    storeId: ids.storeId,
    code: qrCode.code,
    name: qrCode.name,
    productId: qrCode.product === null ? null : ids.productIds[qrCode.product],
    prefilledMessage: qrCode.prefilledMessage,
    archivedAt: qrCode.archivedAt,
    createdAt: qrCode.createdAt,
    updatedAt: qrCode.archivedAt ?? qrCode.createdAt,
  }));
}
