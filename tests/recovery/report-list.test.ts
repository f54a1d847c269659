import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messages } from "@/db/schema";
import { parseAnalyticsRange } from "@/lib/analytics/range";
import { dashboardFormatters } from "@/lib/dashboard-i18n/format";
import en from "@/lib/dashboard-i18n/messages/en";
import ja from "@/lib/dashboard-i18n/messages/ja";
import { listRecoveries, type RecoveryListRow } from "@/lib/recovery/list";
import { outcomeWords, stepStateWords } from "@/lib/recovery/report-words";
import { stopRecovery } from "@/lib/recovery/stop";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  abandonAt,
  addCustomer,
  at,
  createRecoveryShop,
  DAY,
  HOUR,
  leaveCart,
  markMessage,
  MINUTE,
  payOrder,
  type RecoveryShop,
  recoveryOfCart,
  steps,
  stepsAt,
  stepsOf,
  T0,
} from "./helpers";

const getDb = setupTestDatabase();
const TZ = "Asia/Tokyo";
const wide = parseAnalyticsRange(
  { range: "custom", from: "2026-03-01", to: "2026-03-31" },
  TZ,
  at(T0, 30 * DAY),
);

function inWords(row: RecoveryListRow, language: "en" | "ja") {
  const t = (language === "en" ? en : ja).recoveryReport;
  const format = dashboardFormatters(language);
  return {
    steps: row.steps.map((step) => stepStateWords(step.state, { t, format, timezone: TZ })),
    outcome: outcomeWords(row.outcome, { t, format }),
  };
}

const list = (shop: RecoveryShop, query = {}) =>
  listRecoveries(getDb(), shop.store.id, query, wide.current);

const timeEn = (date: Date) => dashboardFormatters("en").dateTime(date, TZ);

describe(`the Recovery page's list [${testDbBackend}]`, () => {
  it("shows each step's state and the outcome in words, in English and Japanese", async () => {
    const db = getDb();
    const shop = await createRecoveryShop(db, {
      settings: { steps: steps([60, 26 * 60, 72 * 60]) },
      template: true,
    });
    const failing = await addCustomer(db, shop);
    const night = await addCustomer(db, shop, { lastInboundAt: at(T0, 9 * HOUR) });
    const delivered = await leaveCart(db, shop, T0);
    const failed = await leaveCart(db, shop, T0, { customerId: failing.id, quantity: 1 });
    await abandonAt(db, at(T0, HOUR));
    expect(await stepsAt(db, at(T0, 2 * HOUR))).toMatchObject({ sent: 2 });
    const deliveredRecovery = (await recoveryOfCart(db, delivered.id))!;
    const failedRecovery = (await recoveryOfCart(db, failed.id))!;
    const [deliveredStep] = await stepsOf(db, deliveredRecovery.id);
    const [failedStep] = await stepsOf(db, failedRecovery.id);
    await markMessage(db, deliveredStep!.messageId!, "delivered", at(T0, 2 * HOUR + MINUTE));
    await db
      .update(messages)
      .set({ status: "failed", errorCode: 131026, errorReason: null, failedAt: at(T0, 3 * HOUR) })
      .where(eq(messages.id, failedStep!.messageId!));
    // Left at 19:30 JST, abandoned 20:30, step 1 due at 21:30: quiet hours until 09:00.
    const nightCart = await leaveCart(db, shop, at(T0, 9 * HOUR + 30 * MINUTE), {
      customerId: night.id,
    });
    await abandonAt(db, at(T0, 10 * HOUR + 30 * MINUTE));
    expect(await stepsAt(db, at(T0, 11 * HOUR + 30 * MINUTE))).toMatchObject({ waiting: 1 });

    const page = await list(shop);
    expect(page.total).toBe(3);
    const byCart = (cartId: string) => page.rows.find((row) => row.id === cartId)!;
    const nightRecovery = (await recoveryOfCart(db, nightCart.id))!;
    const nightRow = byCart(nightRecovery.id);
    expect(nightRow.status).toBe("active");
    expect(inWords(nightRow, "en").steps[0]).toBe(
      `Waiting for quiet hours to end (until ${timeEn(new Date("2026-03-11T00:00:00Z"))})`,
    );
    expect(inWords(nightRow, "ja").steps[0]).toContain("送信しない時間帯の終了待ち");

    const deliveredRow = byCart(deliveredRecovery.id);
    expect(deliveredRow).toMatchObject({ customerName: "Aiko", valueMinor: 6400, currency: "JPY" });
    // Masked: only the last four digits of the number show.
    expect(deliveredRow.phone).toMatch(new RegExp(`•+ ?${shop.customer.waId!.slice(-4)}$`));
    expect(inWords(deliveredRow, "en")).toEqual({
      steps: [
        `Delivered ${timeEn(at(T0, 2 * HOUR + MINUTE))}`,
        `Scheduled for ${timeEn(at(T0, 27 * HOUR))}`,
        `Scheduled for ${timeEn(at(T0, 73 * HOUR))}`,
      ],
      outcome: "In progress",
    });
    expect(inWords(deliveredRow, "ja").outcome).toBe("進行中");

    const failedRow = byCart(failedRecovery.id);
    expect(inWords(failedRow, "en").steps[0]).toMatch(
      /^Failed: WhatsApp could not deliver this message/,
    );
    expect(inWords(failedRow, "ja").steps[0]).toMatch(
      /^送信失敗：WhatsApp がこのメッセージを配信できませんでした/,
    );

    // Paid after the delivered reminder: recovered by step 1, with the amount.
    await payOrder(db, (await recoveryOfCart(db, delivered.id))!.orderId!, at(T0, 5 * HOUR));
    // The owner stops the failed one.
    expect(await stopRecovery(db, shop.store.id, failedRecovery.id, at(T0, 6 * HOUR))).toBe(true);
    const after = await list(shop);
    const recovered = after.rows.find((row) => row.id === deliveredRecovery.id)!;
    expect(recovered.status).toBe("recovered");
    expect(recovered.orderNumber).not.toBeNull();
    expect(inWords(recovered, "en")).toEqual({
      steps: [
        `Delivered ${timeEn(at(T0, 2 * HOUR + MINUTE))}`,
        "Not sent: the customer paid",
        "Not sent: the customer paid",
      ],
      outcome: "Recovered ¥6,400 by step 1",
    });
    expect(inWords(recovered, "ja").outcome).toBe("ステップ1で ￥6,400 を回収");
    const stopped = after.rows.find((row) => row.id === failedRecovery.id)!;
    expect(inWords(stopped, "en").outcome).toBe("Stopped: stopped from the dashboard");
    expect(inWords(stopped, "ja").outcome).toBe("停止：ダッシュボードから停止しました");

    // Filters: by outcome, and by the period the cart was abandoned in.
    expect((await list(shop, { status: "recovered" })).rows.map((row) => row.id)).toEqual([
      deliveredRecovery.id,
    ]);
    expect((await list(shop, { status: "active" })).rows.map((row) => row.id)).toEqual([
      nightRecovery.id,
    ]);
    const april = parseAnalyticsRange(
      { range: "custom", from: "2026-04-01", to: "2026-04-30" },
      TZ,
      at(T0, 90 * DAY),
    );
    expect(
      (await listRecoveries(db, shop.store.id, { abandoned: "range" }, april.current)).total,
    ).toBe(0);
    expect((await listRecoveries(db, shop.store.id, {}, april.current)).total).toBe(3);
  });

  it("says why a step was skipped, and shows nothing of another store", async () => {
    const db = getDb();
    const shop = await createRecoveryShop(db, {
      settings: { steps: steps([60, 26 * 60], { template: false }) },
      lastInboundAt: at(T0, -2 * DAY),
    });
    const other = await createRecoveryShop(db, { template: true });
    await leaveCart(db, shop, T0);
    await leaveCart(db, other, T0);
    await abandonAt(db, at(T0, HOUR));
    await stepsAt(db, at(T0, 2 * HOUR));
    const page = await list(shop);
    expect(page.rows).toHaveLength(1);
    expect(inWords(page.rows[0]!, "en").steps[0]).toBe(
      "Skipped: more than 24 hours since the customer's last message, and the step has no template",
    );
    expect(inWords(page.rows[0]!, "ja").steps[0]).toBe(
      "見送り：お客様の最後のメッセージから24時間以上経っており、このステップにテンプレートがありません",
    );
    const theirs = await list(other);
    expect(theirs.rows).toHaveLength(1);
    expect(theirs.rows[0]!.id).not.toBe(page.rows[0]!.id);
  });

  it("pages through a store's recoveries, newest first", async () => {
    const db = getDb();
    const shop = await createRecoveryShop(db, { template: true });
    for (let index = 0; index < 27; index += 1) {
      const customer = await addCustomer(db, shop);
      await leaveCart(db, shop, at(T0, index * MINUTE), { customerId: customer.id });
    }
    await abandonAt(db, at(T0, 2 * HOUR));
    const first = await list(shop);
    expect(first).toMatchObject({ total: 27, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(25);
    const second = await list(shop, { page: 2 });
    expect(second.rows).toHaveLength(2);
    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((row) => row.id)).size).toBe(27);
    const times = all.map((row) => row.abandonedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // A page past the end shows the last one.
    expect((await list(shop, { page: 9 })).page).toBe(2);
  });
});
