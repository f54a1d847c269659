import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET, HEAD } from "@/app/go/[store]/route";
import { clicks, events, products } from "@/db/schema";
import { CLICK_RATE_LIMIT } from "@/lib/attribution/tracked-redirect";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type AttributionStore, BROWSER_UA, createAttributionStore, freshIp } from "./fixtures";

const getDb = setupTestDatabase();
let shop: AttributionStore;
let otherShop: AttributionStore;

beforeAll(async () => {
  shop = await createAttributionStore(getDb());
  otherShop = await createAttributionStore(getDb(), {
    whatsappNumber: "+81751234567",
    codes: ["BCQ234", "BPQ234", "BAQ234"],
  });
  await getDb().insert(products).values({
    storeId: otherShop.store.id,
    slug: "other-store-tea",
    sku: "OTHER-1",
    name: "Other Store Tea",
    priceMinor: 900,
    currency: "JPY",
  });
});

type GoOptions = { method?: "GET" | "HEAD"; headers?: Record<string, string>; store?: string };

/** Calls the route handler as Next.js would for /go/<store>?<query>. */
async function go(query: string, options: GoOptions = {}): Promise<Response> {
  const store = options.store ?? shop.store.slug;
  const request = new Request(`http://localhost/go/${encodeURIComponent(store)}?${query}`, {
    method: options.method ?? "GET",
    headers: { "user-agent": BROWSER_UA, "x-forwarded-for": freshIp(), ...options.headers },
  });
  const handler = options.method === "HEAD" ? HEAD : GET;
  return handler(request, { params: Promise.resolve({ store }) });
}

/** The prefilled text and ref of a wa.me redirect. */
function redirectOf(response: Response, digits = "15550001234") {
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location") ?? "");
  expect(location.origin + location.pathname).toBe(`https://wa.me/${digits}`);
  const text = location.searchParams.get("text") ?? "";
  const ref = /\(ref ([A-Z0-9]{5})\)$/.exec(text)?.[1] ?? null;
  return { text, ref };
}

async function clickByRef(ref: string | null, storeId = shop.store.id) {
  expect(ref).not.toBeNull();
  const [click] = await getDb()
    .select()
    .from(clicks)
    .where(and(eq(clicks.storeId, storeId), eq(clicks.ref, ref ?? "")));
  expect(click).toBeDefined();
  return click!;
}

async function clickCount(storeId = shop.store.id): Promise<number> {
  return (await getDb().select().from(clicks).where(eq(clicks.storeId, storeId))).length;
}

describe(`GET /go/[store] [${testDbBackend}]`, () => {
  it.each([
    ["widget", "src=widget&product=uji-matcha", { product: true, qr: false, cart: false }],
    [
      "product_button",
      "src=product_button&product=uji-matcha",
      { product: true, qr: false, cart: false },
    ],
    ["desktop_qr", "src=desktop_qr&product=uji-matcha", { product: true, qr: false, cart: false }],
    ["qr", "src=qr&qr=PRD234", { product: true, qr: true, cart: false }],
  ] as const)(
    "redirects a %s click to wa.me naming the product and its ref",
    async (source, query, links) => {
      const { text, ref } = redirectOf(await go(query));
      expect(text).toBe(`Hi! I'd like to know more about Uji Matcha & Sweets #1 🍵 (ref ${ref})`);
      const click = await clickByRef(ref);
      expect(click).toMatchObject({
        source,
        productId: links.product ? shop.matcha.id : null,
        qrCodeId: links.qr ? shop.productQr.id : null,
        cartId: null,
        language: "en",
        deviceClass: "mobile",
        problems: null,
      });
    },
  );

  it("uses a QR code's own message", async () => {
    const { text, ref } = redirectOf(await go("src=qr&qr=gkq234"));
    expect(text).toBe(`Hello from the Gion shop card! (ref ${ref})`);
    expect(await clickByRef(ref)).toMatchObject({
      source: "qr",
      qrCodeId: shop.cardQr.id,
      productId: null,
    });
  });

  it("links a cart click to the cart", async () => {
    const { text, ref } = redirectOf(await go(`src=cart&cart=${shop.cart.token}`));
    expect(text).toBe(`Hi! I'd like to order the items in my cart (ref ${ref})`);
    expect(await clickByRef(ref)).toMatchObject({ source: "cart", cartId: shop.cart.id });
  });

  it("records a plain link without src as `link`, with the reason", async () => {
    const { text, ref } = redirectOf(await go(""));
    expect(text).toBe(`Hi! I have a question (ref ${ref})`);
    expect(await clickByRef(ref)).toMatchObject({ source: "link", problems: { src: "missing" } });
  });

  it("writes a click event beside the click", async () => {
    const { ref } = redirectOf(await go("src=widget&product=uji-matcha"));
    const click = await clickByRef(ref);
    const rows = await getDb().select().from(events).where(eq(events.storeId, shop.store.id));
    const event = rows.find((row) => row.properties.ref === ref);
    expect(event).toMatchObject({
      type: "click",
      source: "widget",
      properties: { ref, click: click.id, product: shop.matcha.id, qr: null, cart: null },
    });
  });

  it("speaks the shopper's language: lang, then Accept-Language, then the store's default", async () => {
    const ja = redirectOf(
      await go("src=widget&product=uji-matcha&lang=ja", { headers: { "accept-language": "ko" } }),
    );
    expect(ja.text).toBe(
      `こんにちは。Uji Matcha & Sweets #1 🍵について知りたいです (ref ${ja.ref})`,
    );
    expect((await clickByRef(ja.ref)).language).toBe("ja");
    const ko = redirectOf(
      await go("src=widget", { headers: { "accept-language": "ko-KR,ko;q=0.9,en;q=0.5" } }),
    );
    expect(ko.text).toBe(`안녕하세요! 문의가 있어요 (ref ${ko.ref})`);
    const jaStore = await createAttributionStore(getDb(), { defaultLanguage: "ja" });
    const fallback = redirectOf(
      await go("src=widget", { store: jaStore.store.slug, headers: { "accept-language": "fr" } }),
    );
    expect(fallback.text).toBe(`こんにちは。質問があります (ref ${fallback.ref})`);
  });

  it("stores the page (page parameter, else Referer) and the Referer", async () => {
    const referer = "https://shop.example/products/matcha?utm_source=ig";
    const fromReferer = redirectOf(await go("src=widget", { headers: { referer } }));
    expect(await clickByRef(fromReferer.ref)).toMatchObject({
      pageUrl: referer,
      referrer: referer,
    });
    const page = "https://blog.example/kyoto-guide#shops";
    const fromParam = redirectOf(
      await go(`src=widget&page=${encodeURIComponent(page)}`, {
        headers: { referer: "https://blog.example/" },
      }),
    );
    expect(await clickByRef(fromParam.ref)).toMatchObject({
      pageUrl: "https://blog.example/kyoto-guide",
      referrer: "https://blog.example/",
    });
  });

  it("answers with no-store, no-referrer and never anything but wa.me", async () => {
    const response = await go(
      "src=widget&next=https://evil.example&redirect=//evil.example&url=javascript:alert(1)",
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(redirectOf(response).ref).not.toBeNull();
  });

  it.each([
    ["an unknown src", "src=telegram", { src: "unknown:telegram" }],
    [
      "an overlong product",
      `src=widget&product=${"p".repeat(300)}`,
      { product: `malformed:${"p".repeat(40)}…` },
    ],
    [
      "a bad QR code",
      "src=qr&qr=%00%FF<script>",
      { qr: expect.stringMatching(/^malformed:.*<script>$/) },
    ],
    [
      "broken percent-encoding",
      "src=widget&product=%E0%A4%A",
      { product: expect.stringMatching(/^malformed:/) },
    ],
    ["a bad cart token", "src=cart&cart=nope", { cart: "malformed" }],
    [
      "a script page",
      "src=widget&page=javascript%3Aalert(1)",
      { page: "malformed:javascript:alert(1)" },
    ],
  ])("never fails on %s: redirects and records why", async (_what, query, problems) => {
    const { text, ref } = redirectOf(await go(query));
    expect(text).toMatch(
      /^Hi! I(?:'d like to order the items in my cart| have a question) \(ref [A-Z0-9]{5}\)$/,
    );
    expect((await clickByRef(ref)).problems).toMatchObject(problems);
  });

  it.each([
    ["an unknown product", "src=widget&product=no-such-tea", { product: "unknown:no-such-tea" }],
    ["an inactive product", "src=widget&product=old-tea", { product: "inactive:old-tea" }],
    [
      "another store's product",
      "src=widget&product=other-store-tea",
      { product: "unknown:other-store-tea" },
    ],
    ["another store's QR code", "src=qr&qr=BPQ234", { qr: "unknown:BPQ234" }],
    ["an unknown QR code", "src=qr&qr=ZZZ234", { qr: "unknown:ZZZ234" }],
    ["an archived QR code", "src=qr&qr=ARC234", { qr: "archived:ARC234" }],
    ["a qr click without a code", "src=qr", { qr: "missing" }],
    ["an unknown cart", `src=cart&cart=${"b".repeat(43)}`, { cart: "unknown" }],
  ])("still opens the store's chat for %s, and records why", async (_what, query, problems) => {
    const { text, ref } = redirectOf(await go(query));
    expect(text).toMatch(/^Hi! I have a question \(ref [A-Z0-9]{5}\)$/);
    const click = await clickByRef(ref);
    expect(click).toMatchObject({ productId: null, qrCodeId: null, cartId: null });
    expect(click.problems).toEqual(problems);
  });

  it("does not find another store's cart", async () => {
    const other = otherShop.store;
    const response = await go(`src=cart&cart=${shop.cart.token}`, { store: other.slug });
    const { text, ref } = redirectOf(response, "81751234567");
    expect(text).toMatch(/^Hi! I have a question \(ref [A-Z0-9]{5}\)$/);
    expect(await clickByRef(ref, other.id)).toMatchObject({
      cartId: null,
      problems: { cart: "unknown" },
    });
  });

  it("names the product in the shopper's language when it has a translation", async () => {
    await getDb()
      .update(products)
      .set({ translations: { ja: { name: "他店のお茶" } } })
      .where(eq(products.slug, "other-store-tea"));
    const other = otherShop.store;
    const inJapanese = await go("src=widget&product=other-store-tea&lang=ja", {
      store: other.slug,
    });
    expect(redirectOf(inJapanese, "81751234567").text).toMatch(
      /^こんにちは。他店のお茶について知りたいです \(ref [A-Z0-9]{5}\)$/,
    );
    const inKorean = await go("src=widget&product=other-store-tea&lang=ko", { store: other.slug });
    expect(redirectOf(inKorean, "81751234567").text).toContain("Other Store Tea");
  });

  it("answers 404 for an unknown store, without a redirect", async () => {
    for (const store of ["no-such-store", "../etc", "x".repeat(300), "DEMO<script>"]) {
      const response = await go("src=widget", { store });
      expect(response.status).toBe(404);
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(await response.text()).toContain("We couldn't find this shop");
    }
    const inJapanese = await go("src=widget&lang=ja", { store: "no-such-store" });
    expect(await inJapanese.text()).toContain("ショップが見つかりません");
  });

  it.each([
    ["HEAD", { method: "HEAD" as const }],
    ["a prefetch", { headers: { "sec-purpose": "prefetch" } }],
    ["an old-style prefetch", { headers: { purpose: "prefetch" } }],
    ["WhatsApp's link preview", { headers: { "user-agent": "WhatsApp/2.24.12.78 A" } }],
    ["facebookexternalhit", { headers: { "user-agent": "facebookexternalhit/1.1" } }],
    ["curl", { headers: { "user-agent": "curl/8.5.0" } }],
  ])("redirects %s without recording a click", async (_what, options: GoOptions) => {
    const before = await clickCount();
    const response = await go("src=widget&product=uji-matcha", options);
    const { text, ref } = redirectOf(response);
    expect(ref).toBeNull();
    expect(text).toBe("Hi! I'd like to know more about Uji Matcha & Sweets #1 🍵");
    expect(await clickCount()).toBe(before);
  });

  it(`records at most ${CLICK_RATE_LIMIT.limit} clicks a minute per IP and store, and still redirects`, async () => {
    const ip = freshIp();
    const headers = { "x-forwarded-for": ip };
    const before = await clickCount();
    const allowed = await Promise.all(
      Array.from({ length: CLICK_RATE_LIMIT.limit }, () => go("src=widget", { headers })),
    );
    expect(allowed.every((response) => redirectOf(response).ref !== null)).toBe(true);
    expect(await clickCount()).toBe(before + CLICK_RATE_LIMIT.limit);

    const over = redirectOf(await go("src=widget", { headers }));
    expect(over.ref).toBeNull();
    expect(over.text).toBe("Hi! I have a question");
    expect(await clickCount()).toBe(before + CLICK_RATE_LIMIT.limit);

    // Another address, or the same one at another store, is counted on its own.
    expect(redirectOf(await go("src=widget")).ref).not.toBeNull();
    const elsewhere = await go("src=widget", { headers, store: otherShop.store.slug });
    expect(redirectOf(elsewhere, "81751234567").ref).not.toBeNull();
  });
});
