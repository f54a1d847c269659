import { describe, expect, it } from "vitest";
import { deviceClass, isBot, uncountedReason } from "@/lib/attribution/visitors";

const UA = {
  iphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  androidPhone:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
  androidTablet:
    "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  ipad: "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
  windows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  mac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  headlessChrome:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36",
  lineInApp:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.9.0",
  kakaoInApp:
    "Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 KAKAOTALK 10.8.1",
  cubotPhone:
    "Mozilla/5.0 (Linux; Android 12; CUBOT KINGKONG 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
};

const headers = (init: Record<string, string>) => new Headers(init);

describe("bots, link previews and scripts", () => {
  it.each([
    ["WhatsApp's link preview", "WhatsApp/2.24.12.78 A"],
    ["WhatsApp on iOS", "WhatsApp/2.24.10.85 i"],
    ["Facebook", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"],
    ["Slack", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"],
    ["Twitter/X", "Twitterbot/1.0"],
    ["Discord", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)"],
    ["Telegram", "TelegramBot (like TwitterBot)"],
    [
      "LinkedIn",
      "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
    ],
    ["Googlebot", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"],
    ["Bing", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"],
    ["KakaoTalk's preview", "facebookexternalhit/1.1; kakaotalk-scrap/1.0"],
    ["curl", "curl/8.5.0"],
    ["Wget", "Wget/1.21.4"],
    ["python-requests", "python-requests/2.32.3"],
    ["Go", "Go-http-client/1.1"],
    ["Node's fetch", "node"],
    ["no User-Agent", ""],
  ])("%s is not a shopper", (_who, ua) => {
    expect(isBot(ua)).toBe(true);
    expect(uncountedReason("GET", headers(ua ? { "user-agent": ua } : {}))).toBe("bot");
  });

  it.each(Object.entries(UA))("%s is a shopper", (_who, ua) => {
    expect(isBot(ua)).toBe(false);
    expect(uncountedReason("GET", headers({ "user-agent": ua }))).toBeNull();
  });
});

describe("prefetches and HEAD", () => {
  it.each([
    ["Purpose: prefetch", { purpose: "prefetch" }],
    ["Sec-Purpose: prefetch", { "sec-purpose": "prefetch" }],
    ["Sec-Purpose: prefetch;prerender", { "sec-purpose": "prefetch;prerender" }],
    [
      "Sec-Purpose: prefetch; anonymous-client-ip",
      { "sec-purpose": "prefetch; anonymous-client-ip" },
    ],
    ["Safari's X-Purpose: preview", { "x-purpose": "preview" }],
    ["Firefox's X-Moz: prefetch", { "x-moz": "prefetch" }],
    ["Next.js router prefetch", { "next-router-prefetch": "1" }],
  ])("%s is not a click", (_what, init) => {
    expect(uncountedReason("GET", headers({ "user-agent": UA.iphone, ...init }))).toBe("prefetch");
  });

  it("HEAD is not a click, even from a browser", () => {
    expect(uncountedReason("HEAD", headers({ "user-agent": UA.iphone }))).toBe("head");
  });

  it("an ordinary navigation is a click", () => {
    const navigation = headers({
      "user-agent": UA.windows,
      "sec-fetch-mode": "navigate",
      "sec-fetch-dest": "document",
    });
    expect(uncountedReason("GET", navigation)).toBeNull();
  });
});

describe("device class", () => {
  it.each([
    [UA.iphone, "mobile"],
    [UA.androidPhone, "mobile"],
    [UA.lineInApp, "mobile"],
    [UA.androidTablet, "tablet"],
    [UA.ipad, "tablet"],
    [UA.windows, "desktop"],
    [UA.mac, "desktop"],
    ["", "unknown"],
    ["SomethingElse/1.0", "unknown"],
  ])("%s → %s", (ua, expected) => {
    expect(deviceClass(ua)).toBe(expected);
  });

  it("trusts Chrome's mobile client hint", () => {
    expect(
      deviceClass("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/126", "?1"),
    ).toBe("mobile");
  });
});
