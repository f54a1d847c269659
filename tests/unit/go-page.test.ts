import { describe, expect, it } from "vitest";
import { goPageHtml } from "@/lib/attribution/go-page";

const url = (query = "") => new URL(`https://shop.test/go/kyoto-tea?${query}`);
const store = { slug: "kyoto-tea", name: "Kyoto <Tea> & Co", defaultLanguage: "ja" };

describe("goPageHtml (/go/<store> when it cannot open the chat)", () => {
  it("tells a shopper an unknown store's link is wrong, in their language, with no link to Chatcart", () => {
    const { status, html } = goPageHtml({
      reason: "store_not_found",
      url: url(),
      headers: new Headers({ "accept-language": "ko-KR,ko;q=0.9" }),
    });
    expect(status).toBe(404);
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain("상점을 찾을 수 없습니다");
    expect(html).not.toContain("<a ");
    expect(html).not.toContain("Chatcart");
    expect(html).toContain("<style>");
  });

  it("leads back to a known store, in ?lang=, else the cookie, else the store's default", () => {
    const byQuery = goPageHtml({
      reason: "no_whatsapp_number",
      url: url("lang=zh-Hans"),
      headers: new Headers({ cookie: "lang=ko", "accept-language": "en" }),
      store,
    });
    expect(byQuery.status).toBe(503);
    expect(byQuery.html).toContain('<html lang="zh-Hans">');
    expect(byQuery.html).toContain('<a href="/s/kyoto-tea">返回Kyoto &lt;Tea&gt; &amp; Co</a>');

    const byCookie = goPageHtml({
      reason: "no_whatsapp_number",
      url: url(),
      headers: new Headers({ cookie: "theme=dark; lang=ko" }),
      store,
    });
    expect(byCookie.html).toContain('<html lang="ko">');

    const byDefault = goPageHtml({
      reason: "no_whatsapp_number",
      url: url(),
      headers: new Headers(),
      store,
    });
    expect(byDefault.html).toContain('<html lang="ja">');
    expect(byDefault.html).toContain("チャットはまだご利用いただけません");
    expect(byDefault.html).toContain("Kyoto &lt;Tea&gt; &amp; Coに戻る");
  });
});
