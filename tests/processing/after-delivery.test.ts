import { describe, expect, it } from "vitest";
import { applyAndReply } from "@/lib/processing/after-delivery";
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
    const first = applyAndReply(getDb(), config, outcomes[0]!.lanes);
    const second = applyAndReply(getDb(), config, outcomes[1]!.lanes);
    const third = applyAndReply(getDb(), config, outcomes[2]!.lanes);
    // One processor for the instance, however many requests ended at once.
    expect(second).toBe(first);
    expect(third).toBe(first);
    await first;
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
    expect(next).not.toBe(first);
    await next;
    expect(await inboundTexts(getDb(), shop.store.id, later)).toHaveLength(1);
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
