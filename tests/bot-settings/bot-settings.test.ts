import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { faqEntries } from "@/db/schema";
import {
  createFaqEntry,
  deleteFaqEntry,
  listFaqEntries,
  updateFaqEntry,
} from "@/lib/bot-settings/faqs";
import { readGreetings, saveGreetings } from "@/lib/bot-settings/greetings";
import {
  createQuickReply,
  deleteQuickReply,
  listQuickReplies,
} from "@/lib/bot-settings/quick-replies";
import {
  faqFieldsSchema,
  greetingsFormSchema,
  quickReplySchema,
  templateSchema,
} from "@/lib/bot-settings/schemas";
import {
  createMessageTemplate,
  deleteMessageTemplate,
  listMessageTemplates,
} from "@/lib/bot-settings/templates";
import { storeRow } from "../whatsapp/fixtures";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";

const db = setupTestDatabase();

type Owner = Awaited<ReturnType<typeof createOwnerWithStore>>;

const faqForm = (values: Record<string, string> = {}) => ({
  language: "en",
  question: "Do you ship abroad?",
  answer: "Yes, to 30 countries.",
  keywords: "shipping, abroad",
  ...values,
});
const faq = (values: Record<string, string> = {}) => faqFieldsSchema.parse(faqForm(values));

describe(`Dashboard → Bot: stored settings [${testDbBackend}]`, () => {
  let alice: Owner;
  let bob: Owner;

  beforeEach(async () => {
    alice = await createOwnerWithStore(db(), { storeName: "Alice Teas" });
    bob = await createOwnerWithStore(db(), { storeName: "Bob Bikes" });
  });

  it("creates FAQ entries in order, edits and deletes them", async () => {
    const first = await createFaqEntry(db(), alice.store.id, faq());
    const second = await createFaqEntry(
      db(),
      alice.store.id,
      faq({ language: "ja", question: "返品できますか？", keywords: "返品, 返金" }),
    );
    expect([first.position, second.position]).toEqual([0, 1]);
    expect(second).toMatchObject({ language: "ja", keywords: ["返品", "返金"] });

    const edited = await updateFaqEntry(
      db(),
      alice.store.id,
      first.id,
      faq({ answer: "Yes, with tracking.", keywords: "Shipping, DELIVERY" }),
    );
    expect(edited).toMatchObject({
      answer: "Yes, with tracking.",
      keywords: ["shipping", "delivery"],
    });
    expect((await listFaqEntries(db(), alice.store.id)).map((entry) => entry.id)).toEqual([
      first.id,
      second.id,
    ]);

    expect(await deleteFaqEntry(db(), alice.store.id, first.id)).toBe(true);
    expect(await deleteFaqEntry(db(), alice.store.id, first.id)).toBe(false);
    const third = await createFaqEntry(db(), alice.store.id, faq({ question: "Gift wrap?" }));
    expect(third.position).toBe(2);
    expect((await listFaqEntries(db(), alice.store.id)).map((entry) => entry.question)).toEqual([
      "返品できますか？",
      "Gift wrap?",
    ]);
  });

  it("never edits or deletes another store's FAQ entry", async () => {
    const bobs = await createFaqEntry(db(), bob.store.id, faq({ question: "Bob's question" }));
    expect(await updateFaqEntry(db(), alice.store.id, bobs.id, faq({ question: "Hijacked" }))).toBe(
      null,
    );
    expect(await deleteFaqEntry(db(), alice.store.id, bobs.id)).toBe(false);
    const [row] = await db().select().from(faqEntries).where(eq(faqEntries.id, bobs.id));
    expect(row).toMatchObject({ storeId: bob.store.id, question: "Bob's question" });
    expect(await listFaqEntries(db(), alice.store.id)).toEqual([]);
  });

  it("validates FAQ fields: lengths, a known language and at least one keyword", () => {
    const result = faqFieldsSchema.safeParse({
      language: "fr",
      question: "q".repeat(201),
      answer: "a".repeat(1001),
      keywords: " , ",
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".")).sort();
    expect(paths).toEqual(["answer", "keywords", "language", "question"]);
    expect(faqFieldsSchema.safeParse(faqForm({ question: "q".repeat(200) })).success).toBe(true);
  });

  it("keeps quick replies per store and validates their length", async () => {
    const reply = await createQuickReply(
      db(),
      alice.store.id,
      quickReplySchema.parse({ title: " Shipping times ", body: "Two working days." }),
    );
    expect(reply).toMatchObject({ title: "Shipping times", body: "Two working days." });
    expect(quickReplySchema.safeParse({ title: "t".repeat(41), body: "x" }).success).toBe(false);
    expect(quickReplySchema.safeParse({ title: "t", body: "x".repeat(1001) }).success).toBe(false);

    expect(await deleteQuickReply(db(), bob.store.id, reply.id)).toBe(false);
    expect(await listQuickReplies(db(), alice.store.id)).toHaveLength(1);
    expect(await deleteQuickReply(db(), alice.store.id, reply.id)).toBe(true);
    expect(await listQuickReplies(db(), alice.store.id)).toEqual([]);
  });

  it("stores templates with their variable count, one per name and language", async () => {
    const fields = templateSchema.parse({
      name: "cart_reminder",
      language: "en",
      category: "marketing",
      body: "Hi {{1}}, your cart at {{2}} is waiting: {{3}}",
    });
    const created = await createMessageTemplate(db(), alice.store.id, fields);
    expect(created).toMatchObject({
      ok: true,
      template: { variableCount: 3, category: "marketing" },
    });
    expect(await createMessageTemplate(db(), alice.store.id, fields)).toEqual({
      ok: false,
      fieldErrors: { name: [expect.stringMatching(/already has a template/)] },
    });
    // The same name in another language, or in another store, is a different template.
    expect(
      await createMessageTemplate(db(), alice.store.id, { ...fields, language: "ja" }),
    ).toMatchObject({ ok: true });
    expect(await createMessageTemplate(db(), bob.store.id, fields)).toMatchObject({ ok: true });

    const [mine] = await listMessageTemplates(db(), alice.store.id);
    expect(await deleteMessageTemplate(db(), bob.store.id, mine!.id)).toBe(false);
    expect(await deleteMessageTemplate(db(), alice.store.id, mine!.id)).toBe(true);
    expect(await listMessageTemplates(db(), alice.store.id)).toHaveLength(1);
  });

  it("saves greetings per language into the store's settings, leaving empty ones out", async () => {
    const greetings = greetingsFormSchema.parse({
      greeting_en: " Welcome to Alice Teas! ",
      greeting_ja: "いらっしゃいませ",
      greeting_ko: "",
    });
    expect(greetings).toEqual({ en: "Welcome to Alice Teas!", ja: "いらっしゃいませ" });
    await saveGreetings(db(), alice.store.id, greetings);
    expect(readGreetings((await storeRow(db(), alice.store.id))?.settings)).toEqual(greetings);
    await saveGreetings(db(), alice.store.id, { ja: "ようこそ" });
    expect(readGreetings((await storeRow(db(), alice.store.id))?.settings)).toEqual({
      ja: "ようこそ",
    });
    expect(readGreetings((await storeRow(db(), bob.store.id))?.settings)).toEqual({});
    expect(greetingsFormSchema.safeParse({ greeting_en: "x".repeat(301) }).success).toBe(false);
  });
});
