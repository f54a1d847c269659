import { describe, expect, it } from "vitest";
import { activeDrain, applyAndReply } from "@/lib/processing/after-delivery";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createChatStore, nextWamid, testPlatformConfig } from "../whatsapp/fixtures";
import { freshWaId, inboundTexts, receiveOnly, textPayload } from "./helpers";

const getDb = setupTestDatabase();
const config = testPlatformConfig();

describe(`after() of a delivery: one drain per instance [${testDbBackend}]`, () => {
  it("a second delivery joins the running drain, and both deliveries' items are applied", async () => {
    const shop = await createChatStore(getDb());
    const shoppers = [freshWaId(), freshWaId(), freshWaId()];
    const outcomes = [];
    for (const waId of shoppers) {
      outcomes.push(
        await receiveOnly(getDb(), textPayload(shop, { waId, wamid: nextWamid(), text: "hi" })),
      );
    }
    const waits = [applyAndReply(getDb(), config, outcomes[0]!.lanes)];
    const drain = activeDrain();
    expect(drain).not.toBeNull();
    waits.push(applyAndReply(getDb(), config, outcomes[1]!.lanes));
    waits.push(applyAndReply(getDb(), config, outcomes[2]!.lanes));
    // One processor for the instance, however many requests ended at once.
    expect(activeDrain()).toBe(drain);
    await Promise.all(waits);
    expect(activeDrain()).toBeNull();
    for (const waId of shoppers) {
      expect(await inboundTexts(getDb(), shop.store.id, waId)).toHaveLength(1);
    }
    // The drain is over: the next delivery starts a new one, and it is applied too.
    const later = freshWaId();
    const outcome = await receiveOnly(
      getDb(),
      textPayload(shop, { waId: later, wamid: nextWamid(), text: "hi" }),
    );
    const next = applyAndReply(getDb(), config, outcome.lanes);
    expect(activeDrain()).not.toBe(drain);
    await next;
    expect(await inboundTexts(getDb(), shop.store.id, later)).toHaveLength(1);
  });

  it("the drain goes on after the delivery's after() stopped waiting for it", async () => {
    const shop = await createChatStore(getDb());
    const waId = freshWaId();
    const outcome = await receiveOnly(
      getDb(),
      textPayload(shop, { waId, wamid: nextWamid(), text: "hi" }),
    );
    await applyAndReply(getDb(), config, outcome.lanes, 0);
    let applied = await inboundTexts(getDb(), shop.store.id, waId);
    for (let tries = 0; applied.length === 0 && tries < 200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      applied = await inboundTexts(getDb(), shop.store.id, waId);
    }
    expect(applied).toHaveLength(1);
  });

  it("a delivery with nothing to apply starts no drain", async () => {
    await expect(applyAndReply(getDb(), config, [])).resolves.toBeUndefined();
    const shop = await createChatStore(getDb());
    const waId = freshWaId();
    const outcome = await receiveOnly(
      getDb(),
      textPayload(shop, { waId, wamid: nextWamid(), text: "hi" }),
    );
    await applyAndReply(getDb(), config, outcome.lanes);
    expect(await inboundTexts(getDb(), shop.store.id, waId)).toHaveLength(1);
  });
});
