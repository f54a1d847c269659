import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as adminInboxGet } from "@/app/api/admin/inbox/route";
import { resetEnvForTests } from "@/lib/env";
import { operatorInboxReport } from "@/lib/processing/operator-report";
import { processWebhookEvents } from "@/lib/processing/processor";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  createChatStore,
  nextWamid,
  TEST_APP_SECRET,
  testPlatformConfig,
} from "../whatsapp/fixtures";
import { freshWaId, receiveOnly, textPayload } from "./helpers";

const getDb = setupTestDatabase();
const CRON_SECRET = "cron-secret-for-tests-0123456789";
const ENV = {
  AUTH_SECRET: randomBytes(32).toString("base64"),
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  WHATSAPP_APP_SECRET: TEST_APP_SECRET,
  WHATSAPP_VERIFY_TOKEN: "verify-token-for-tests",
  CRON_SECRET,
};
const saved = new Map<string, string | undefined>();

beforeAll(() => {
  for (const [name, value] of Object.entries(ENV)) {
    saved.set(name, process.env[name]);
    process.env[name] = value;
  }
  resetEnvForTests();
});

afterAll(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvForTests();
});

describe(`the operator's inbox report [${testDbBackend}]`, () => {
  it("counts items no store owns and lists them without their payload", async () => {
    const shop = await createChatStore(getDb());
    const before = await operatorInboxReport(getDb());
    const strayWamid = nextWamid();
    await receiveOnly(
      getDb(),
      textPayload(
        { phoneNumberId: "999222999222999" },
        { waId: freshWaId(), wamid: strayWamid, text: "hi" },
      ),
    );
    await receiveOnly(
      getDb(),
      textPayload(shop, { waId: freshWaId(), wamid: nextWamid(), text: "waiting" }),
    );
    await receiveOnly(getDb(), { object: "page", entry: [] });

    const stored = await operatorInboxReport(getDb());
    expect(stored.pending).toBe(before.pending + 2);
    expect(stored.ignoredLastDay).toBe(before.ignoredLastDay + 1);

    await processWebhookEvents(getDb(), { config: testPlatformConfig() });
    const report = await operatorInboxReport(getDb());
    expect(report.pending).toBe(0);
    expect(report.unroutable).toBe(before.unroutable + 1);
    expect(report.newestUnroutable[0]).toMatchObject({ kind: "message" });
    expect(report.newestUnroutable[0]?.error).toMatch(/Unknown phone_number_id 999222999222999/);
    expect(JSON.stringify(report)).not.toContain(strayWamid);
  });

  it("answers only the operator's bearer", async () => {
    const request = (authorization?: string) =>
      new Request("http://localhost/api/admin/inbox", {
        headers: authorization ? { authorization } : {},
      });
    expect((await adminInboxGet(request())).status).toBe(401);
    expect((await adminInboxGet(request("Bearer wrong-secret-0123456789"))).status).toBe(401);
    const response = await adminInboxGet(request(`Bearer ${CRON_SECRET}`));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      pending: expect.any(Number),
      unroutable: expect.any(Number),
    });
  });
});
