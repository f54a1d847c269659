import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { conversations, products } from "@/db/schema";
import { CartPanel } from "@/components/inbox/cart-panel";
import en from "@/lib/dashboard-i18n/messages/en";
import ja from "@/lib/dashboard-i18n/messages/ja";
import { loadConversationCart } from "@/lib/inbox/cart";
import { continueInWhatsApp, fullCart, sendAsShopper } from "../cart/handoff-helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type ChatStoreFixture, createChatStore } from "../whatsapp/fixtures";

const getDb = setupTestDatabase();
let shop: ChatStoreFixture;
let otherShop: ChatStoreFixture;
const english = { t: en.inboxView.cart, language: "en" };

beforeAll(async () => {
  shop = await createChatStore(getDb());
  otherShop = await createChatStore(getDb());
});

async function conversationIdOf(customerId: string): Promise<string> {
  const [row] = await getDb()
    .select({ id: conversations.id })
    .from(conversations)
    .where(eq(conversations.customerId, customerId));
  if (!row) throw new Error("no conversation");
  return row.id;
}

describe(`the inbox's cart panel [${testDbBackend}]`, () => {
  it("shows the cart the shopper brought from the storefront beside the conversation", async () => {
    const cart = await fullCart(getDb(), shop);
    const text = await continueInWhatsApp(getDb(), shop, cart, "en");
    const { customer } = await sendAsShopper(getDb(), shop, "819000200001", text);
    const conversationId = await conversationIdOf(customer.id);

    const loaded = await loadConversationCart(getDb(), shop.store.id, conversationId);
    expect(loaded).toMatchObject({
      currency: "JPY",
      itemCount: 3,
      subtotalMinor: 15200,
      lines: [
        { name: "Uji Matcha", quantity: 2, lineTotalMinor: 6400, available: true },
        { name: "Tea Bowl", quantity: 1, lineTotalMinor: 8800, available: true },
      ],
    });
    expect(JSON.stringify(loaded)).not.toContain(cart.token);

    const html = renderToStaticMarkup(CartPanel({ cart: loaded, ...english }));
    expect(html).toContain('data-testid="cart-panel"');
    expect(html).toContain("2 × Uji Matcha");
    expect(html).toContain("¥6,400");
    expect(html).toMatch(/data-testid="cart-total"[^>]*>¥15,200</);

    const japanese = renderToStaticMarkup(
      CartPanel({ cart: loaded, t: ja.inboxView.cart, language: "ja" }),
    );
    expect(japanese).toContain("カート");
    expect(japanese).toContain("3点");
    expect(japanese).toContain("合計");
    expect(japanese).toMatch(/data-testid="cart-total"[^>]*>￥15,200</);
  });

  it("prices the cart now and marks a product archived since", async () => {
    const cart = await fullCart(getDb(), shop);
    const text = await continueInWhatsApp(getDb(), shop, cart, "en");
    const { customer } = await sendAsShopper(getDb(), shop, "819000200002", text);
    await getDb().update(products).set({ active: false }).where(eq(products.id, shop.bowl.id));
    try {
      const loaded = await loadConversationCart(
        getDb(),
        shop.store.id,
        await conversationIdOf(customer.id),
      );
      expect(loaded).toMatchObject({ itemCount: 2, subtotalMinor: 6400 });
      const html = renderToStaticMarkup(CartPanel({ cart: loaded, ...english }));
      expect(html).toContain("(no longer available)");
    } finally {
      await getDb().update(products).set({ active: true }).where(eq(products.id, shop.bowl.id));
    }
  });

  it("shows nothing without a cart, and nothing from another store's conversation", async () => {
    const { customer } = await sendAsShopper(getDb(), shop, "819000200003", "hello");
    const conversationId = await conversationIdOf(customer.id);
    expect(await loadConversationCart(getDb(), shop.store.id, conversationId)).toBeNull();
    expect(renderToStaticMarkup(CartPanel({ cart: null, ...english }))).toBe("");

    const cart = await fullCart(getDb(), shop);
    const text = await continueInWhatsApp(getDb(), shop, cart, "en");
    const owner = await sendAsShopper(getDb(), shop, "819000200004", text);
    const theirs = await conversationIdOf(owner.customer.id);
    expect(await loadConversationCart(getDb(), otherShop.store.id, theirs)).toBeNull();
    expect(await loadConversationCart(getDb(), shop.store.id, "not-a-uuid")).toBeNull();
  });
});
