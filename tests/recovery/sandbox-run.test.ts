import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, recoveryPrograms } from "@/db/schema";
import { runSandboxRecovery, switchRecoveryOnInSandbox } from "@/lib/recovery/sandbox-run";
import { saveCredential } from "@/lib/stores/credentials";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { testPlatformConfig } from "../whatsapp/fixtures";
import {
  at,
  cartById,
  createRecoveryShop,
  DAY,
  HOUR,
  leaveCart,
  messageById,
  MINUTE,
  ORIGIN,
  payOrder,
  recoveryById,
  recoveryOfCart,
  stepsOf,
  T0,
} from "./helpers";

const getDb = setupTestDatabase();
const config = testPlatformConfig();

const run = (storeId: string, now: Date, asOf: Date, platform = config) =>
  runSandboxRecovery(getDb(), platform, { storeId, now, asOf, origin: ORIGIN });

describe(`Sandbox "run due work as of" for recovery [${testDbBackend}]`, () => {
  it("does what the ticks would have done by then: abandoned at the delay, step 1 an hour later, delivered", async () => {
    const shop = await createRecoveryShop(getDb());
    const cart = await leaveCart(getDb(), shop, T0);
    const report = await run(shop.store.id, at(T0, MINUTE), at(T0, 3 * HOUR));
    expect(report).toMatchObject({
      ok: true,
      asOf: at(T0, 3 * HOUR),
      abandoned: 1,
      sent: 1,
      delivered: 1,
    });

    const abandonedAt = at(T0, HOUR);
    expect(await cartById(getDb(), cart.id)).toMatchObject({ status: "abandoned", abandonedAt });
    const recovery = (await recoveryOfCart(getDb(), cart.id))!;
    const [first, second] = await stepsOf(getDb(), recovery.id);
    expect(first).toMatchObject({ status: "sent", decidedAt: at(abandonedAt, HOUR) });
    // The simulated phone reported it delivered: a payment now would count as recovered.
    const message = await messageById(getDb(), first!.messageId!);
    expect(message.status).toBe("delivered");
    expect(message.body).toContain(`${ORIGIN}/pay/`);
    expect(second!.status).toBe("scheduled");
    expect(report).toMatchObject({ nextStepAt: at(abandonedAt, 24 * HOUR) });

    // Delivered on the real clock: the shopper paying now is a recovery by step 1.
    const withOrder = (await recoveryOfCart(getDb(), cart.id))!;
    await payOrder(getDb(), withOrder.orderId!, new Date());
    expect(await recoveryById(getDb(), recovery.id)).toMatchObject({
      status: "recovered",
      recoveredStep: 1,
    });
  });

  it("a step due at night waits for quiet hours to end, and goes if the run reaches 09:00", async () => {
    // Left at 20:00 in Tokyo: abandoned 21:00, step 1 due 22:00, quiet until 09:00 (00:00Z).
    const left = new Date("2026-03-10T11:00:00Z");
    const nineAm = new Date("2026-03-11T00:00:00Z");
    const shop = await createRecoveryShop(getDb(), { lastInboundAt: at(left, -5 * MINUTE) });
    const cart = await leaveCart(getDb(), shop, left);
    expect(await run(shop.store.id, left, at(nineAm, -HOUR))).toMatchObject({
      ok: true,
      abandoned: 1,
      sent: 0,
      waiting: 1,
      nextStepAt: nineAm,
    });
    const recovery = (await recoveryOfCart(getDb(), cart.id))!;
    expect((await stepsOf(getDb(), recovery.id))[0]).toMatchObject({
      status: "waiting",
      reason: "quiet_hours",
    });
    expect(await run(shop.store.id, left, at(nineAm, HOUR))).toMatchObject({ sent: 1 });
    expect((await stepsOf(getDb(), recovery.id))[0]).toMatchObject({
      status: "sent",
      decidedAt: nineAm,
    });
  });

  it("touches only its own store", async () => {
    const shop = await createRecoveryShop(getDb());
    const other = await createRecoveryShop(getDb());
    const otherCart = await leaveCart(getDb(), other, T0);
    await leaveCart(getDb(), shop, T0);
    expect(await run(shop.store.id, T0, at(T0, 3 * HOUR))).toMatchObject({ sent: 1 });
    expect((await cartById(getDb(), otherCart.id)).status).toBe("active");
    expect(await recoveryOfCart(getDb(), otherCart.id)).toBeUndefined();
    expect(await getDb().select().from(outbox).where(eq(outbox.storeId, other.store.id))).toEqual(
      [],
    );
  });

  it("refuses outside the sandbox, with recovery off, and for a time in the past or too far ahead", async () => {
    const off = await createRecoveryShop(getDb(), { enabled: false });
    const offCart = await leaveCart(getDb(), off, T0);
    expect(await run(off.store.id, T0, at(T0, 3 * HOUR))).toEqual({
      ok: false,
      reason: "recovery_off",
    });
    expect(await run(off.store.id, T0, at(T0, -MINUTE))).toEqual({
      ok: false,
      reason: "out_of_range",
    });
    expect(await run(off.store.id, T0, at(T0, 40 * DAY))).toEqual({
      ok: false,
      reason: "out_of_range",
    });

    // Production without the sandbox: refused, and recovery cannot be switched on from here.
    const production = testPlatformConfig({ nodeEnv: "production" });
    expect(await run(off.store.id, T0, at(T0, 3 * HOUR), production)).toEqual({
      ok: false,
      reason: "not_sandbox",
    });
    expect(
      await switchRecoveryOnInSandbox(getDb(), production, { storeId: off.store.id, userId: null }),
    ).toEqual({ ok: false, reason: "not_sandbox" });

    // A store with its own WhatsApp token talks to real phones: refused.
    const connected = await createRecoveryShop(getDb());
    const connectedCart = await leaveCart(getDb(), connected, T0);
    await saveCredential(
      getDb(),
      connected.store.id,
      "whatsapp_access_token",
      "EAAG-test-token-0123456789",
      config.encryptionKey,
    );
    expect(await run(connected.store.id, T0, at(T0, 3 * HOUR))).toEqual({
      ok: false,
      reason: "not_sandbox",
    });
    expect(
      await switchRecoveryOnInSandbox(getDb(), config, {
        storeId: connected.store.id,
        userId: null,
      }),
    ).toEqual({ ok: false, reason: "not_sandbox" });
    expect((await cartById(getDb(), connectedCart.id)).status).toBe("active");
    expect((await cartById(getDb(), offCart.id)).status).toBe("active");
  });

  it("switches recovery on in the sandbox, keeping the saved sequence", async () => {
    const off = await createRecoveryShop(getDb(), {
      enabled: false,
      settings: { abandonAfterMinutes: 30 },
    });
    expect(
      await switchRecoveryOnInSandbox(getDb(), config, { storeId: off.store.id, userId: null }),
    ).toEqual({ ok: true });
    const [program] = await getDb()
      .select()
      .from(recoveryPrograms)
      .where(eq(recoveryPrograms.storeId, off.store.id));
    expect(program).toMatchObject({ enabled: true, settings: { abandonAfterMinutes: 30 } });
  });
});
