import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { conversations, customers, messages, stores } from "@/db/schema";
import { markSimulatorReadAction } from "@/app/(dashboard)/dashboard/simulator/actions/mark-simulator-read";
import { sendSimulatorMessageAction } from "@/app/(dashboard)/dashboard/simulator/actions/send-simulator-message";
import { tapSimulatorReplyAction } from "@/app/(dashboard)/dashboard/simulator/actions/tap-simulator-reply";
import SimulatorPage from "@/app/(dashboard)/dashboard/simulator/page";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import { idleState } from "@/lib/forms/action-state";
import { simulatorWaId } from "@/lib/simulator/customer";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { formData, pageText } from "../catalog/product-test-helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";
import { operatorBoundNumbers, testPlatformConfig } from "../whatsapp/fixtures";

const deployment = vi.hoisted(() => ({
  config: undefined as WhatsAppPlatformConfig | undefined,
  /** Work handed to next/server's after(), run by the test when it chooses. */
  afterResponse: [] as (() => unknown)[],
}));

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => void deployment.afterResponse.push(task),
}));
vi.mock("@/lib/whatsapp/platform-config", () => ({
  whatsappPlatformConfig: () => {
    if (!deployment.config) throw new Error("set deployment.config first");
    return deployment.config;
  },
}));

const db = setupTestDatabase();

type Owner = Awaited<ReturnType<typeof createOwnerWithStore>>;

async function runAfterResponse() {
  const tasks = deployment.afterResponse.splice(0);
  for (const task of tasks) await task();
  return tasks.length;
}

async function threadOf(owner: Owner) {
  const [customer] = await db()
    .select()
    .from(customers)
    .where(
      and(eq(customers.storeId, owner.store.id), eq(customers.waId, simulatorWaId(owner.userId))),
    );
  if (!customer) return { customer, rows: [] };
  const rows = await db()
    .select()
    .from(messages)
    .where(eq(messages.customerId, customer.id))
    .orderBy(messages.createdAt);
  return { customer, rows };
}

describe(`Dashboard → Simulator: actions and page [${testDbBackend}]`, () => {
  let alice: Owner;
  let bob: Owner;

  beforeEach(async () => {
    alice = await createOwnerWithStore(db(), { storeName: "Alice Teas" });
    bob = await createOwnerWithStore(db(), { storeName: "Bob Bikes" });
    deployment.config = testPlatformConfig();
    deployment.afterResponse.length = 0;
    actAs(alice);
    setCookie(ACTIVE_STORE_COOKIE, undefined);
  });

  it("sends as the member's test shopper, delivers after the response and marks replies read", async () => {
    const sent = await sendSimulatorMessageAction(
      idleState,
      formData({ profileName: "Aiko Test", text: "hello" }),
    );
    expect(sent).toEqual({ status: "success", message: "Sent." });
    const { customer, rows } = await threadOf(alice);
    expect(customer).toMatchObject({ name: "Aiko Test", waId: simulatorWaId(alice.userId) });
    expect(rows.filter((row) => row.direction === "outbound").map((row) => row.status)).toEqual([
      "queued",
      "queued",
    ]);

    expect(await runAfterResponse()).toBe(1);
    const delivered = (await threadOf(alice)).rows.filter((row) => row.direction === "outbound");
    expect(delivered.map((row) => row.status)).toEqual(["delivered", "delivered"]);

    const page = pageText(await SimulatorPage({ searchParams: Promise.resolve({}) }));
    expect(page).toContain('"status":"delivered"');
    expect(page).toContain("Aiko Test");

    expect(await markSimulatorReadAction()).toBe(2);
    const read = (await threadOf(alice)).rows.filter((row) => row.direction === "outbound");
    expect(read.map((row) => row.status)).toEqual(["read", "read"]);
    // Bob's simulator is his own store's: he sees none of Alice's chat.
    actAs(bob);
    expect(pageText(await SimulatorPage({ searchParams: Promise.resolve({}) }))).not.toContain(
      "Aiko Test",
    );
  });

  it("sends a tapped reply button, which hands the chat off, and prefills from ?text=", async () => {
    await sendSimulatorMessageAction(idleState, formData({ text: "hi" }));
    const tapped = await tapSimulatorReplyAction(
      idleState,
      formData({ kind: "list_reply", replyId: "menu:agent", title: "Talk to a person" }),
    );
    expect(tapped).toEqual({ status: "success", message: "Sent." });
    const { customer, rows } = await threadOf(alice);
    expect(customer?.name).toBe("Test shopper");
    expect(
      rows.find((row) => row.direction === "inbound" && row.type === "interactive"),
    ).toMatchObject({
      body: "Talk to a person",
      content: { kind: "reply", replyId: "menu:agent" },
    });
    const [conversation] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.customerId, customer!.id));
    expect(conversation?.status).toBe("agent");

    const page = pageText(
      await SimulatorPage({ searchParams: Promise.resolve({ text: "Tell me more (ref K7Q2X)" }) }),
    );
    expect(page).toContain('"initialText":"Tell me more (ref K7Q2X)"');
    expect(page).toContain('"conversationStatus":"agent"');
  });

  it("answers a field error for an empty message and sends nothing", async () => {
    const result = await sendSimulatorMessageAction(idleState, formData({ text: "   " }));
    expect(result).toMatchObject({ status: "error", fieldErrors: { text: ["Type a message"] } });
    expect((await threadOf(alice)).customer).toBeUndefined();
    expect(deployment.afterResponse).toEqual([]);
  });

  it("shows no chat and sends nothing for a store connected to WhatsApp", async () => {
    const phoneNumberId = `1${Date.now()}`.slice(0, 15);
    await db()
      .update(stores)
      .set({ whatsappPhoneNumberId: phoneNumberId })
      .where(eq(stores.id, alice.store.id));
    operatorBoundNumbers.set(phoneNumberId, alice.store.slug);
    deployment.config = testPlatformConfig({ platformAccessToken: "EAAG-platform-token" });
    const page = pageText(await SimulatorPage({ searchParams: Promise.resolve({}) }));
    expect(page).toContain("Connected to WhatsApp");
    expect(page).not.toContain("initialText");

    const result = await sendSimulatorMessageAction(idleState, formData({ text: "hello" }));
    expect(result).toMatchObject({ status: "error", message: expect.stringMatching(/connected/) });
    expect(await markSimulatorReadAction()).toBe(0);
    expect((await threadOf(alice)).customer).toBeUndefined();
    expect(deployment.afterResponse).toEqual([]);
  });

  it("says the sandbox is disabled in production without WHATSAPP_SANDBOX=on", async () => {
    deployment.config = testPlatformConfig({ nodeEnv: "production" });
    const page = pageText(await SimulatorPage({ searchParams: Promise.resolve({}) }));
    expect(page).toContain("The sandbox is disabled in production");
    expect(page).not.toContain("initialText");
  });
});
