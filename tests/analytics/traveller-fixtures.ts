import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { conversations, orders, qrCodes } from "@/db/schema";
import type { AnalyticsWindow } from "@/lib/analytics/range";
import {
  insertCustomers,
  instantNear,
  type Random,
  randomOrder,
  type TestStore,
} from "./sections-fixtures";

const DAY = 86_400_000;
const SOURCES = ["qr", "qr", "qr", "widget", "link", "product_button", "unattributed"] as const;

/**
 * A store's travellers and everyone else: QR codes (one archived, one deleted after use),
 * customers with one to three conversations from mixed sources, and orders paid on the
 * day of their first chat, days or weeks later, or (now and then) before it.
 */
export async function seedTravellerStore(
  db: Database,
  store: TestStore,
  window: AnalyticsWindow,
  random: Random,
): Promise<void> {
  const codes = await db
    .insert(qrCodes)
    .values(
      ["Shop card — counter", "Window poster", "Old flyer"].map((name, index) => ({
        storeId: store.id,
        code: `c${index}-${random.int(0, 1e9)}`,
        name,
        archivedAt: index === 1 ? window.start : null,
      })),
    )
    .returning({ id: qrCodes.id });
  const customerIds = await insertCustomers(db, store, 70, random, () => window.start);

  const conversationRows = customerIds.flatMap((customerId) => {
    const first = instantNear(window, random);
    return Array.from({ length: random.int(1, 3) }, (_, index) => {
      const source = random.pick(SOURCES);
      // Some customers' second chat starts at the very same instant: the id breaks the tie.
      const gap = index === 0 ? 0 : random.chance(0.15) ? 0 : (random.int(-5, 20) * DAY) / 4;
      return {
        storeId: store.id,
        customerId,
        source,
        qrCodeId: source === "qr" ? random.pick(codes).id : null,
        language: "en",
        status: "closed" as const,
        createdAt: new Date(first.getTime() + gap),
      };
    });
  });
  await db.insert(conversations).values(conversationRows);

  const orderRows = customerIds.flatMap((customerId) => {
    const firstChat = conversationRows.find((row) => row.customerId === customerId)!.createdAt;
    return Array.from({ length: random.int(0, 4) }, () => {
      const offset =
        random.pick([0, 1, 2, 5, 11, 23, 25, 49]) * 3_600_000 +
        random.pick([0, 0, 1, 3, 30]) * DAY -
        (random.chance(0.1) ? 2 * DAY : 0);
      return randomOrder(store, customerId, random, new Date(firstChat.getTime() + offset));
    });
  });
  // An order without a customer, and one of another customer's, never count.
  orderRows.push(randomOrder(store, null, random, window.start));
  await db.insert(orders).values(orderRows);

  // The third code is deleted: its chats and orders keep source qr with no code.
  await db.delete(qrCodes).where(eq(qrCodes.id, codes[2]!.id));
}
