import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Product } from "@/db/schema";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";
import { request, resetRequest } from "./fake-request";
import {
  createProduct,
  expectNotFound,
  renderCatalog,
  renderCart,
  renderNotFound,
  renderProduct,
} from "./helpers";
import { eq } from "drizzle-orm";
import { products } from "@/db/schema";
import { addItem, getOrCreateCart } from "@/lib/cart/cart";
import { storefrontDocumentLanguage } from "@/lib/storefront/request";
import { updateStoreSettings } from "@/lib/stores/update-settings";

vi.mock("next/headers", () => import("./fake-request"));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
}));

const db = setupTestDatabase();

describe(`storefront pages [${testDbBackend}]`, () => {
  let store: Awaited<ReturnType<typeof createOwnerWithStore>>["store"];
  let other: Awaited<ReturnType<typeof createOwnerWithStore>>["store"];
  let hojicha: Product;

  beforeEach(async () => {
    resetRequest();
    store = (await createOwnerWithStore(db(), { storeName: "Gion Tea House" })).store;
    other = (await createOwnerWithStore(db(), { storeName: "Osaka Knives" })).store;
    hojicha = await createProduct(db(), store.id, { name: "Kyoto Hojicha", priceMinor: 1200 });
  });

  it("renders the catalog in the visitor's language with yen prices and a switcher", async () => {
    request.headers = new Headers({ "accept-language": "ja-JP,ja;q=0.9,en;q=0.8" });
    const html = await renderCatalog(store.slug);
    expect(html).toContain('lang="ja"');
    expect(html).toContain("すべての商品");
    expect(html).toContain("Kyoto Hojicha");
    expect(html).toContain("￥1,200");
    expect(html).toContain(`href="/s/${store.slug}/p/${hojicha.slug}"`);
    for (const lang of ["en", "ja", "zh-Hans", "ko"]) {
      expect(html).toContain(
        `href="/s/${store.slug}?lang=${lang}" hrefLang="${lang}" lang="${lang}"`,
      );
    }
    expect(html).toMatch(/<script src="\/widget.js" async="" data-store="[^"]+"/);
    expect(html).toContain('data-lang="ja"');
    expect(html).toContain('data-colour="#25D366"'); // the store's widget settings (defaults)
    expect(html).not.toContain("data-product");
  });

  it("lets ?lang= override the cookie and carries the choice in its links", async () => {
    request.cookies.set("lang", "ja");
    request.headers = new Headers({ "accept-language": "ja" });
    const html = await renderCatalog(store.slug, { lang: "ko" });
    expect(html).toContain('lang="ko"');
    expect(html).toContain("전체 상품");
    expect(html).toContain(`href="/s/${store.slug}/p/${hojicha.slug}?lang=ko"`);

    const byCookie = await renderCatalog(store.slug);
    expect(byCookie).toContain("すべての商品");
    expect(byCookie).toContain(`href="/s/${store.slug}/p/${hojicha.slug}"`);
  });

  it("falls back to the store's default language, and leaves out the widget with nowidget=1", async () => {
    const html = await renderCatalog(store.slug, { nowidget: "1" });
    expect(html).toContain('lang="en"');
    expect(html).toContain("All products");
    expect(html).toContain("¥1,200");
    expect(html).not.toContain("widget.js");
  });

  it("renders a product page with image, price, cart form, Chat to buy and the widget", async () => {
    const html = await renderProduct(store.slug, hojicha.slug, { lang: "en" });
    expect(html).toContain("<h1");
    expect(html).toContain("Kyoto Hojicha");
    expect(html).toContain("Roasted over charcoal.");
    expect(html).toMatch(/<img[^>]+src="\/products\/kyoto-hojicha-100g.svg"[^>]+>/);
    expect(html).toMatch(/<img[^>]+width="600" height="600"/);
    expect(html).toContain('name="quantity"');
    expect(html).toContain("Add to cart");
    expect(html).toContain(
      `href="/go/${store.slug}?src=product_button&amp;product=${hojicha.slug}&amp;lang=en"`,
    );
    expect(html).toContain(`data-product="${hojicha.slug}"`);
    expect(await renderProduct(store.slug, hojicha.slug, { nowidget: "1" })).not.toContain(
      "widget.js",
    );
  });

  it("answers 404 for an unknown store, an unknown product and an archived product", async () => {
    const archived = await createProduct(db(), store.id, { active: false });
    await expectNotFound(renderCatalog("no-such-store"));
    await expectNotFound(renderCart("no-such-store"));
    await expectNotFound(renderProduct(store.slug, "no-such-product"));
    await expectNotFound(renderProduct(store.slug, archived.slug));
    const foreign = await createProduct(db(), other.id);
    await expectNotFound(renderProduct(store.slug, foreign.slug));
  });

  it("sets <html lang> from the storefront request the proxy names, nothing elsewhere", async () => {
    request.headers = new Headers({ "accept-language": "zh-CN,zh;q=0.9" });
    expect(await storefrontDocumentLanguage()).toBeNull(); // not a storefront request
    request.headers.set("x-chatcart-storefront", store.slug);
    expect(await storefrontDocumentLanguage()).toBe("zh-Hans");
    request.headers.set("x-chatcart-storefront-lang", "ko");
    expect(await storefrontDocumentLanguage()).toBe("ko");
    request.headers.delete("x-chatcart-storefront-lang");
    request.cookies.set("lang", "ja");
    expect(await storefrontDocumentLanguage()).toBe("ja");
    // Nothing in the request: the store's default, whatever the store's name.
    resetRequest({ "x-chatcart-storefront": store.slug });
    expect(await storefrontDocumentLanguage()).toBe("en");
    resetRequest({ "x-chatcart-storefront": "no-such-store", "accept-language": "ko" });
    expect(await storefrontDocumentLanguage()).toBe("ko");
  });

  it("answers a missing page inside a store in the shopper's language, leading back to the store", async () => {
    resetRequest({
      "x-chatcart-storefront": store.slug,
      "x-chatcart-storefront-lang": "ja",
    });
    const html = await renderNotFound();
    expect(html).toContain('lang="ja"');
    expect(html).toContain("ページが見つかりません");
    expect(html).toContain(`href="/s/${store.slug}?lang=ja"`);
    expect(html).toContain("Gion Tea Houseに戻る");
    expect(html).not.toContain('href="/"');

    resetRequest({ "x-chatcart-storefront": "no-such-store", "accept-language": "en" });
    const unknown = await renderNotFound();
    expect(unknown).toContain("We couldn&#x27;t find this shop");
    expect(unknown).not.toContain("<a ");
  });

  it("shows a product's name and description in the shopper's language, else the default", async () => {
    await db()
      .update(products)
      .set({ translations: { ja: { name: "京都ほうじ茶", description: "炭火で焙煎。" } } })
      .where(eq(products.id, hojicha.id));
    const { cart } = await getOrCreateCart(db(), store.id, undefined);
    await addItem(db(), { id: cart.id, storeId: store.id }, hojicha.id, 1);
    request.cookies.set(`cart_${store.slug}`, cart.token);

    request.headers = new Headers({ "accept-language": "ja" });
    const catalog = await renderCatalog(store.slug);
    expect(catalog).toContain("京都ほうじ茶");
    expect(catalog).not.toContain("Kyoto Hojicha");
    const product = await renderProduct(store.slug, hojicha.slug);
    expect(product).toMatch(/<h1[^>]*>京都ほうじ茶<\/h1>/);
    expect(product).toContain("炭火で焙煎。");
    expect(await renderCart(store.slug)).toContain("京都ほうじ茶");

    // Korean has no translation: the default name and description.
    const korean = await renderProduct(store.slug, hojicha.slug, { lang: "ko" });
    expect(korean).toMatch(/<h1[^>]*>Kyoto Hojicha<\/h1>/);
    expect(korean).toContain("Roasted over charcoal.");
  });

  it("writes the widget's label and greeting in the shopper's language, else the default", async () => {
    await updateStoreSettings(db(), store.id, {
      widget: { label: "Ask us", greeting: "Hello!", translations: { ja: { label: "質問する" } } },
    });
    const japanese = await renderCatalog(store.slug, { lang: "ja" });
    expect(japanese).toContain('data-label="質問する"');
    expect(japanese).toContain('data-greeting="Hello!"');
    expect(japanese).toContain('data-lang="ja"');
    const korean = await renderProduct(store.slug, hojicha.slug, { lang: "ko" });
    expect(korean).toContain('data-label="Ask us"');
  });
});
