import { and, eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import PayDonePage from "@/app/pay/[token]/done/page";
import { GET, HEAD } from "@/app/pay/[token]/route";
import { checkoutSessions, events, orders, paymentLinks } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { PAY_RATE_LIMIT } from "@/lib/payments/open-link";
import { generatePaymentToken } from "@/lib/payments/payment-link";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type FakeStripe, startFakeStripe } from "../support/fake-stripe";
import {
  BROWSER_UA,
  createPayShop,
  createPendingOrder,
  freshIp,
  PLATFORM_KEY,
  type PayShop,
} from "./helpers";

const getDb = setupTestDatabase();
let fake: FakeStripe;
let shop: PayShop;
const saved = { ...process.env };

beforeAll(async () => {
  fake = await startFakeStripe();
  process.env.STRIPE_API_URL = fake.url;
  process.env.STRIPE_SECRET_KEY = PLATFORM_KEY;
  resetEnvForTests();
  shop = await createPayShop(getDb());
});
afterAll(async () => {
  process.env.STRIPE_API_URL = saved.STRIPE_API_URL;
  process.env.STRIPE_SECRET_KEY = saved.STRIPE_SECRET_KEY;
  if (saved.STRIPE_API_URL === undefined) delete process.env.STRIPE_API_URL;
  if (saved.STRIPE_SECRET_KEY === undefined) delete process.env.STRIPE_SECRET_KEY;
  resetEnvForTests();
  await fake.close();
});
beforeEach(() => fake.reset());

function pay(
  token: string,
  options: { method?: "GET" | "HEAD"; headers?: Record<string, string>; ip?: string } = {},
): Promise<Response> {
  const request = new Request(`http://localhost/pay/${token}`, {
    method: options.method ?? "GET",
    headers: {
      "user-agent": BROWSER_UA,
      "x-forwarded-for": options.ip ?? freshIp(),
      ...options.headers,
    },
  });
  const handler = options.method === "HEAD" ? HEAD : GET;
  return handler(request, { params: Promise.resolve({ token }) });
}

async function linkOf(orderId: string) {
  const [row] = await getDb().select().from(paymentLinks).where(eq(paymentLinks.orderId, orderId));
  return row!;
}

describe(`app/pay/[token]/route.ts [${testDbBackend}]`, () => {
  it("answers 303 to the Stripe session, without caching or a Referer", async () => {
    const { link } = await createPendingOrder(getDb(), shop);
    const response = await pay(link.token);
    expect(response.status).toBe(303);
    const session = [...fake.sessions.values()].at(-1)!;
    expect(response.headers.get("location")).toBe(session.url);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    // success_url comes back to this app (no APP_URL in tests: the dev origin).
    expect(session.success_url).toMatch(new RegExp(`/pay/${link.token}/done\\?result=success$`));
  });

  it("says a paid order is already paid, with its number, in the order's language", async () => {
    const { order, link } = await createPendingOrder(getDb(), shop, { language: "ja" });
    await getDb().update(orders).set({ status: "paid" }).where(eq(orders.id, order.id));
    const response = await pay(link.token);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("このご注文はお支払い済みです");
    expect(html).toContain(order.number);
    expect(html).toContain('href="https://wa.me/81751234567"');
    expect(fake.requests).toHaveLength(0);
    expect((await linkOf(order.id)).openCount).toBe(0);
  });

  it("says a refunded order is already paid too", async () => {
    const { order, link } = await createPendingOrder(getDb(), shop);
    await getDb().update(orders).set({ status: "refunded" }).where(eq(orders.id, order.id));
    expect(await (await pay(link.token)).text()).toContain("This order is already paid");
  });

  it("says a cancelled order was cancelled", async () => {
    const { order, link } = await createPendingOrder(getDb(), shop, { language: "zh-Hans" });
    await getDb().update(orders).set({ status: "cancelled" }).where(eq(orders.id, order.id));
    const response = await pay(link.token);
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain("此订单已取消");
    expect(html).toContain(order.number);
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    ["an unknown token", generatePaymentToken()],
    ["a malformed token", "not-a-token"],
    ["a token one character short", generatePaymentToken().slice(1)],
  ])("answers 404 for %s", async (_name, token) => {
    const response = await pay(token, { headers: { "accept-language": "ko-KR,ko;q=0.9" } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("결제 링크를 찾을 수 없습니다");
  });

  it.each([
    ["WhatsApp's preview", { "user-agent": "WhatsApp/2.23.20.0 A" }],
    [
      "Facebook's preview",
      { "user-agent": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)" },
    ],
    ["Telegram's preview", { "user-agent": "TelegramBot (like TwitterBot)" }],
    [
      "Slack's preview",
      { "user-agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" },
    ],
    ["Twitter's preview", { "user-agent": "Twitterbot/1.0" }],
    [
      "Discord's preview",
      { "user-agent": "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)" },
    ],
    ["a crawler", { "user-agent": "Mozilla/5.0 (compatible; SomeCrawler/1.0; spider)" }],
    ["Purpose: prefetch", { purpose: "prefetch" }],
    ["Sec-Purpose: prefetch;prerender", { "sec-purpose": "prefetch;prerender" }],
    ["X-Purpose: preview", { "x-purpose": "preview" }],
  ])("shows %s a small page, records no open and creates no session", async (_name, headers) => {
    const { order, link } = await createPendingOrder(getDb(), shop);
    const response = await pay(link.token, { headers });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Pay for your order");
    expect(fake.requests).toHaveLength(0);
    expect((await linkOf(order.id)).openCount).toBe(0);
    const opened = await getDb()
      .select()
      .from(events)
      .where(and(eq(events.orderId, order.id), eq(events.type, "link_opened")));
    expect(opened).toHaveLength(0);
  });

  it("answers HEAD without a body, an open or a session", async () => {
    const { order, link } = await createPendingOrder(getDb(), shop);
    const response = await pay(link.token, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect(fake.requests).toHaveLength(0);
    expect((await linkOf(order.id)).openCount).toBe(0);
  });

  it("answers a Stripe outage with 503 and Retry-After", async () => {
    const { order, link } = await createPendingOrder(getDb(), shop);
    fake.failNext(1, { status: 500 });
    const response = await pay(link.token);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.text()).toContain("Please try again in a moment");
    const rows = await getDb()
      .select()
      .from(checkoutSessions)
      .where(eq(checkoutSessions.orderId, order.id));
    expect(rows).toHaveLength(0);
  });

  it(`limits opens per client IP (${PAY_RATE_LIMIT.limit} a minute)`, async () => {
    const ip = freshIp();
    const token = generatePaymentToken();
    for (let i = 0; i < PAY_RATE_LIMIT.limit; i++) {
      expect((await pay(token, { ip })).status).toBe(404);
    }
    const limited = await pay(token, { ip });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect((await pay(token, { ip: freshIp() })).status).toBe(404);
  });
});

describe(`app/pay/[token]/done [${testDbBackend}]`, () => {
  async function render(token: string, result?: string) {
    const page = await PayDonePage({
      params: Promise.resolve({ token }),
      searchParams: Promise.resolve(result ? { result } : {}),
    });
    return renderToStaticMarkup(page);
  }

  it("thanks the shopper and leads back to WhatsApp, writing nothing", async () => {
    const { order, link } = await createPendingOrder(getDb(), shop, { language: "ja" });
    const before = await getDb().select().from(orders).where(eq(orders.id, order.id));
    const linkBefore = await linkOf(order.id);
    const eventsBefore = await getDb().select().from(events).where(eq(events.orderId, order.id));

    const html = await render(link.token, "success");
    expect(html).toContain("ありがとうございます！");
    expect(html).toContain(order.number);
    expect(html).toContain('href="https://wa.me/81751234567"');
    expect(html).toContain("WhatsAppに戻る");

    expect(await getDb().select().from(orders).where(eq(orders.id, order.id))).toEqual(before);
    expect(await linkOf(order.id)).toEqual(linkBefore);
    expect(await getDb().select().from(events).where(eq(events.orderId, order.id))).toEqual(
      eventsBefore,
    );
    expect(before[0]!.status).toBe("pending");
  });

  it("tells a shopper who cancelled at Stripe that nothing was taken", async () => {
    const { link } = await createPendingOrder(getDb(), shop);
    expect(await render(link.token, "cancel")).toContain("Payment not completed");
  });

  it("is a 404 for an unknown token", async () => {
    await expect(render(generatePaymentToken(), "success")).rejects.toSatisfy((error: unknown) =>
      String((error as { digest?: string }).digest).startsWith("NEXT_HTTP_ERROR_FALLBACK;404"),
    );
  });
});
