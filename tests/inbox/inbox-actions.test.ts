import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { messages, outbox } from "@/db/schema";
import { closeConversationAction } from "@/app/(dashboard)/dashboard/inbox/actions/close-conversation";
import { handBackToBotAction } from "@/app/(dashboard)/dashboard/inbox/actions/hand-back-to-bot";
import { sendReplyAction } from "@/app/(dashboard)/dashboard/inbox/actions/send-reply";
import { sendTemplateAction } from "@/app/(dashboard)/dashboard/inbox/actions/send-template";
import { setLabelsAction } from "@/app/(dashboard)/dashboard/inbox/actions/set-labels";
import ConversationPage from "@/app/(dashboard)/dashboard/inbox/[id]/page";
import FailedWebhookEventsPage from "@/app/(dashboard)/dashboard/inbox/failed/page";
import InboxPage from "@/app/(dashboard)/dashboard/inbox/page";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import { idleState } from "@/lib/forms/action-state";
import { CONVERSATION_NOT_FOUND } from "@/lib/inbox/reply-errors";
import { expectNotFound, formData, pageText } from "../catalog/product-test-helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import {
  addTemplate,
  agentMessages,
  conversationRow,
  createInboxStore,
  customerWrites,
  type InboxStore,
  TALK_TO_A_PERSON,
} from "./helpers";

const scheduled = vi.hoisted((): (() => unknown)[] => []);

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
  // Delivery runs after the response in Next; here it is only recorded.
  after: (task: () => unknown) => void scheduled.push(task),
}));

const db = setupTestDatabase();

describe(`inbox: server actions and pages [${testDbBackend}]`, () => {
  let alice: InboxStore;
  let bob: InboxStore;

  beforeEach(async () => {
    alice = await createInboxStore(db(), "Alice Teas");
    bob = await createInboxStore(db(), "Bob Bikes");
    actAs(alice.owner);
    setCookie(ACTIVE_STORE_COOKIE, undefined);
    scheduled.length = 0;
  });

  it("sends a reply once per draft and schedules its delivery", async () => {
    const chat = await customerWrites(db(), alice, "819400000001", "hello");
    const draft = formData({
      conversationId: chat.id,
      clientKey: randomUUID(),
      text: "  Hi, how can I help?  ",
    });
    expect(await sendReplyAction(idleState, draft)).toEqual({
      status: "success",
      message: "Reply queued.",
    });
    expect(await sendReplyAction(idleState, draft)).toMatchObject({
      status: "success",
      message: /already sent/,
    });
    expect(scheduled).toHaveLength(1);
    const sent = await agentMessages(db(), chat.id);
    expect(sent).toMatchObject([
      { body: "Hi, how can I help?", agentUserId: alice.owner.userId, status: "queued" },
    ]);
  });

  it("validates the reply and the ids before anything is written", async () => {
    const chat = await customerWrites(db(), alice, "819400000002", "hello");
    const empty = await sendReplyAction(
      idleState,
      formData({ conversationId: chat.id, clientKey: randomUUID(), text: "   " }),
    );
    expect(empty).toMatchObject({ status: "error", fieldErrors: { text: ["Write a reply"] } });
    const long = await sendReplyAction(
      idleState,
      formData({ conversationId: chat.id, clientKey: randomUUID(), text: "x".repeat(4097) }),
    );
    expect(long).toMatchObject({
      status: "error",
      fieldErrors: { text: [expect.stringMatching(/4096/)] },
    });
    const badId = await sendReplyAction(
      idleState,
      formData({ conversationId: "42", clientKey: randomUUID(), text: "hi" }),
    );
    expect(badId).toMatchObject({
      status: "error",
      fieldErrors: { conversationId: ["Unknown conversation"] },
    });
    const noKey = await sendReplyAction(
      idleState,
      formData({ conversationId: chat.id, text: "hi" }),
    );
    expect(noKey).toMatchObject({
      status: "error",
      fieldErrors: { clientKey: [expect.any(String)] },
    });
    expect(await agentMessages(db(), chat.id)).toEqual([]);
    expect(scheduled).toEqual([]);
  });

  it("answers a foreign conversation id with an error and changes nothing in the other store", async () => {
    const foreign = await customerWrites(db(), bob, "819400000003", TALK_TO_A_PERSON);
    const before = await conversationRow(db(), foreign.id);
    const outboxBefore = await db().select().from(outbox).where(eq(outbox.storeId, bob.store.id));
    const template = await addTemplate(db(), alice.store.id);
    const id = foreign.id;
    const attempts = [
      sendReplyAction(
        idleState,
        formData({ conversationId: id, clientKey: randomUUID(), text: "hi" }),
      ),
      sendTemplateAction(
        idleState,
        formData({
          conversationId: id,
          clientKey: randomUUID(),
          templateId: template.id,
          param1: "a",
          param2: "b",
        }),
      ),
      setLabelsAction(idleState, formData({ conversationId: id, labels: "hijacked" })),
      handBackToBotAction(idleState, formData({ conversationId: id })),
      closeConversationAction(idleState, formData({ conversationId: id })),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result).toMatchObject({ status: "error", message: CONVERSATION_NOT_FOUND });
    }
    expect(await conversationRow(db(), id)).toEqual(before);
    expect(await agentMessages(db(), id)).toEqual([]);
    expect(await db().select().from(outbox).where(eq(outbox.storeId, bob.store.id))).toEqual(
      outboxBefore,
    );
    expect(scheduled).toEqual([]);
    await expectNotFound(ConversationPage({ params: Promise.resolve({ id }) }));
  });

  it("sends a template with its variables, and labels, hands back and closes a chat", async () => {
    const chat = await customerWrites(db(), alice, "819400000004", TALK_TO_A_PERSON);
    const template = await addTemplate(db(), alice.store.id);
    const missing = await sendTemplateAction(
      idleState,
      formData({
        conversationId: chat.id,
        clientKey: randomUUID(),
        templateId: template.id,
        param1: "Aiko",
      }),
    );
    expect(missing).toMatchObject({
      status: "error",
      message: "Fill in all 2 of the template's variables.",
    });
    const multiline = await sendTemplateAction(
      idleState,
      formData({
        conversationId: chat.id,
        clientKey: randomUUID(),
        templateId: template.id,
        param1: "a\nb",
        param2: "c",
      }),
    );
    expect(multiline).toMatchObject({
      status: "error",
      fieldErrors: { parameters: [expect.stringMatching(/new lines/)] },
    });
    const sent = await sendTemplateAction(
      idleState,
      formData({
        conversationId: chat.id,
        clientKey: randomUUID(),
        templateId: template.id,
        param1: "Aiko",
        param2: "#7",
      }),
    );
    expect(sent).toEqual({ status: "success", message: "Template queued." });
    expect(scheduled).toHaveLength(1);
    const [message] = await agentMessages(db(), chat.id);
    expect(message).toMatchObject({ type: "template", status: "queued" });

    expect(
      await setLabelsAction(
        idleState,
        formData({ conversationId: chat.id, labels: "VIP, wholesale、 vip" }),
      ),
    ).toEqual({
      status: "success",
      message: "Labels: vip, wholesale.",
    });
    const tooLong = await setLabelsAction(
      idleState,
      formData({ conversationId: chat.id, labels: "x".repeat(30) }),
    );
    expect(tooLong).toMatchObject({
      status: "error",
      fieldErrors: { labels: [expect.stringMatching(/24/)] },
    });
    expect((await conversationRow(db(), chat.id))?.labels).toEqual(["vip", "wholesale"]);

    expect(
      await handBackToBotAction(idleState, formData({ conversationId: chat.id })),
    ).toMatchObject({ status: "success" });
    expect(
      await handBackToBotAction(idleState, formData({ conversationId: chat.id })),
    ).toMatchObject({
      status: "error",
      message: /waiting for a person/,
    });
    expect(
      await closeConversationAction(idleState, formData({ conversationId: chat.id })),
    ).toMatchObject({ status: "success" });
    expect(await conversationRow(db(), chat.id)).toMatchObject({
      status: "closed",
      labels: ["vip", "wholesale"],
    });
  });

  it("renders the inbox and a thread, and opening the thread marks it read", async () => {
    const chat = await customerWrites(db(), alice, "819400000005", TALK_TO_A_PERSON, {
      profileName: "Kenji",
    });
    await customerWrites(db(), bob, "819400000006", "hello", { profileName: "Bobs Customer" });
    expect((await conversationRow(db(), chat.id))?.unreadCount).toBe(1);

    const inbox = pageText(
      await InboxPage({ searchParams: Promise.resolve({ filter: "nonsense" }) }),
    );
    expect(inbox).toContain("Kenji");
    expect(inbox).not.toContain("Bobs Customer");

    const thread = pageText(await ConversationPage({ params: Promise.resolve({ id: chat.id }) }));
    expect(thread).toContain("Talk to a person");
    expect(thread).toContain(chat.id);
    expect((await conversationRow(db(), chat.id))?.unreadCount).toBe(0);
    await expectNotFound(ConversationPage({ params: Promise.resolve({ id: "not-a-uuid" }) }));

    const failed = pageText(await FailedWebhookEventsPage());
    expect(failed).toContain("No failed events");
    const inbound = await db().select().from(messages).where(eq(messages.conversationId, chat.id));
    expect(inbound.length).toBeGreaterThan(0);
  });
});
