import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { faqEntries, messageTemplates, quickReplies, storeMembers } from "@/db/schema";
import { createFaqEntryAction } from "@/app/(dashboard)/dashboard/bot/actions/create-faq-entry";
import { createMessageTemplateAction } from "@/app/(dashboard)/dashboard/bot/actions/create-message-template";
import { createQuickReplyAction } from "@/app/(dashboard)/dashboard/bot/actions/create-quick-reply";
import { deleteFaqEntryAction } from "@/app/(dashboard)/dashboard/bot/actions/delete-faq-entry";
import { deleteQuickReplyAction } from "@/app/(dashboard)/dashboard/bot/actions/delete-quick-reply";
import { saveGreetingsAction } from "@/app/(dashboard)/dashboard/bot/actions/save-greetings";
import { updateFaqEntryAction } from "@/app/(dashboard)/dashboard/bot/actions/update-faq-entry";
import BotPage from "@/app/(dashboard)/dashboard/bot/page";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import { readGreetings } from "@/lib/bot-settings/greetings";
import { idleState } from "@/lib/forms/action-state";
import { setUserLocale } from "@/lib/users/locale";
import { formData, pageText } from "../catalog/product-test-helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";
import { storeRow } from "../whatsapp/fixtures";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));

const db = setupTestDatabase();

type Owner = Awaited<ReturnType<typeof createOwnerWithStore>>;

const faqForm = (values: Record<string, string> = {}) =>
  formData({
    language: "en",
    question: "Do you ship abroad?",
    answer: "Yes, to 30 countries.",
    keywords: "Shipping, abroad",
    ...values,
  });

const faqsOf = (storeId: string) =>
  db().select().from(faqEntries).where(eq(faqEntries.storeId, storeId));

describe(`Dashboard → Bot: actions and page [${testDbBackend}]`, () => {
  let alice: Owner;
  let bob: Owner;

  beforeEach(async () => {
    alice = await createOwnerWithStore(db(), { storeName: "Alice Teas" });
    bob = await createOwnerWithStore(db(), { storeName: "Bob Bikes" });
    actAs(alice);
    setCookie(ACTIVE_STORE_COOKIE, undefined);
  });

  it("adds, edits and deletes the owner's FAQ entries, ignoring a smuggled store id", async () => {
    const created = await createFaqEntryAction(idleState, faqForm({ storeId: bob.store.id }));
    expect(created).toEqual({ status: "success", message: "Question added." });
    const [entry] = await faqsOf(alice.store.id);
    expect(entry).toMatchObject({ keywords: ["shipping", "abroad"], language: "en" });
    expect(await faqsOf(bob.store.id)).toEqual([]);

    const saved = await updateFaqEntryAction(
      idleState,
      faqForm({ id: entry!.id, language: "ja", question: "海外発送は？", keywords: "海外" }),
    );
    expect(saved).toEqual({ status: "success", message: "Question saved." });
    expect((await faqsOf(alice.store.id))[0]).toMatchObject({ language: "ja", keywords: ["海外"] });

    expect(await deleteFaqEntryAction(idleState, formData({ id: entry!.id }))).toEqual({
      status: "success",
      message: "Question deleted.",
    });
    expect(await faqsOf(alice.store.id)).toEqual([]);
  });

  it("answers field errors with the typed values, storing nothing", async () => {
    const result = await createFaqEntryAction(
      idleState,
      faqForm({ question: "  ", keywords: " , ", language: "de" }),
    );
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: {
        question: [expect.any(String)],
        keywords: ["Add at least one keyword, e.g. returns, refund"],
        language: [expect.any(String)],
      },
      values: { keywords: " , " },
    });
    expect(await faqsOf(alice.store.id)).toEqual([]);
  });

  it("cannot edit or delete another store's FAQ entry by its id", async () => {
    actAs(bob);
    await createFaqEntryAction(idleState, faqForm({ question: "Bob's own" }));
    const [bobs] = await faqsOf(bob.store.id);
    actAs(alice);
    const notMine = { status: "error", message: "This question does not exist in your store." };
    expect(
      await updateFaqEntryAction(idleState, faqForm({ id: bobs!.id, question: "Hijacked" })),
    ).toMatchObject(notMine);
    expect(await deleteFaqEntryAction(idleState, formData({ id: bobs!.id }))).toMatchObject(
      notMine,
    );
    expect(await faqsOf(bob.store.id)).toMatchObject([{ question: "Bob's own" }]);
  });

  it("adds templates with their variable count and refuses gaps and duplicates", async () => {
    const template = (body: string) =>
      formData({ name: "cart_reminder", language: "en", category: "utility", body });
    const gap = await createMessageTemplateAction(idleState, template("Hi {{1}}, see {{3}}"));
    expect(gap).toMatchObject({
      status: "error",
      fieldErrors: { body: ["Number the variables from {{1}} without gaps: {{2}} is missing"] },
    });
    expect(await createMessageTemplateAction(idleState, template("Hi {{1}}, see {{2}}"))).toEqual({
      status: "success",
      message: "Template “cart_reminder” added.",
    });
    const again = await createMessageTemplateAction(idleState, template("Other {{1}}"));
    expect(again).toMatchObject({
      status: "error",
      fieldErrors: { name: [expect.stringMatching(/already has a template/)] },
      values: { name: "cart_reminder", body: "Other {{1}}" },
    });
    const rows = await db()
      .select()
      .from(messageTemplates)
      .where(eq(messageTemplates.storeId, alice.store.id));
    expect(rows).toMatchObject([{ name: "cart_reminder", variableCount: 2 }]);
  });

  it("saves greetings and quick replies, and deletes only the store's own replies", async () => {
    expect(
      await saveGreetingsAction(
        idleState,
        formData({ greeting_en: "Welcome!", greeting_ja: "", greeting_ko: "어서 오세요" }),
      ),
    ).toEqual({ status: "success", message: "Greetings saved." });
    expect(readGreetings((await storeRow(db(), alice.store.id))?.settings)).toEqual({
      en: "Welcome!",
      ko: "어서 오세요",
    });

    await createQuickReplyAction(idleState, formData({ title: "Hours", body: "10–18 daily" }));
    const [reply] = await db()
      .select()
      .from(quickReplies)
      .where(eq(quickReplies.storeId, alice.store.id));
    actAs(bob);
    expect(await deleteQuickReplyAction(idleState, formData({ id: reply!.id }))).toMatchObject({
      status: "error",
    });
    actAs(alice);
    expect(await deleteQuickReplyAction(idleState, formData({ id: reply!.id }))).toMatchObject({
      status: "success",
    });
  });

  it("renders the member's own store only, read-only for an agent who cannot save", async () => {
    await createFaqEntryAction(idleState, faqForm({ question: "Alice's secret question" }));
    actAs(bob);
    await createFaqEntryAction(idleState, faqForm({ question: "Bob's question" }));
    const bobsPage = pageText(await BotPage());
    expect(bobsPage).toContain("Bob's question");
    expect(bobsPage).not.toContain("Alice's secret question");
    expect(bobsPage).toContain("/dashboard/settings#hours");

    await db()
      .insert(storeMembers)
      .values({ storeId: alice.store.id, userId: bob.userId, role: "agent" });
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    const agentsView = pageText(await BotPage());
    expect(agentsView).toContain("Alice's secret question");
    expect(agentsView).toContain('"readOnly":true');
    expect(agentsView).not.toContain("New question");
    expect(await createFaqEntryAction(idleState, faqForm())).toMatchObject({
      status: "error",
      message: "Only the store owner can change this.",
    });
    expect(await faqsOf(alice.store.id)).toHaveLength(1);
  });

  it("speaks Japanese to a member who chose it: the page, its outcomes and its errors", async () => {
    await setUserLocale(db(), alice.userId, "ja");
    expect(await createFaqEntryAction(idleState, faqForm())).toEqual({
      status: "success",
      message: "質問を追加しました。",
    });
    const refused = await createFaqEntryAction(
      idleState,
      faqForm({ question: "", keywords: " , " }),
    );
    expect(refused).toMatchObject({
      status: "error",
      message: "赤く表示された項目を確認してください。",
      fieldErrors: {
        question: ["お客様が尋ねるとおりに質問を入力してください"],
        keywords: ["キーワードを1つ以上入力してください（例：返品, 返金）"],
      },
    });
    const template = await createMessageTemplateAction(
      idleState,
      formData({ name: "cart_reminder", language: "ja", category: "utility", body: "{{2}}様" }),
    );
    expect(template).toMatchObject({
      fieldErrors: { body: ["変数は {{1}} から欠けずに番号を付けてください：{{1}} がありません"] },
    });
    const page = pageText(await BotPage());
    expect(page).toContain("よくある質問");
    expect(page).toContain("質問を追加");
    expect(page).not.toContain("Questions and answers");
  });
});
