import { describe, expect, it } from "vitest";
import { dashboardFormatters } from "@/lib/dashboard-i18n/format";
import { chooseDashboardLanguage, DASHBOARD_LANGUAGES } from "@/lib/dashboard-i18n/languages";
import { dashboardMessagesFor, formatMessage, wordFor } from "@/lib/dashboard-i18n/messages";
import { describeTranslation, leaves, type Tree } from "../support/message-tree";

const english = leaves(dashboardMessagesFor("en") as unknown as Tree);

describe("dashboard dictionaries", () => {
  it("English defines the dashboard's strings", () => {
    expect(english.get("nav.overview")).toBe("Overview");
    expect(english.size).toBeGreaterThan(50);
  });

  for (const language of DASHBOARD_LANGUAGES.filter((l) => l !== "en")) {
    describeTranslation(language, dashboardMessagesFor("en"), dashboardMessagesFor(language));
  }

  it("fills placeholders and names stored identifiers in words", () => {
    const ja = dashboardMessagesFor("ja");
    expect(formatMessage(ja.overview.chart.emptyTitle, { days: 30 })).toBe(
      "過去30日間の売上はありません",
    );
    expect(wordFor(ja.sources, "product_button", "Product button")).toBe("商品ボタン");
    expect(wordFor(ja.sources, "new_source", "New source")).toBe("New source");
    expect(wordFor(ja.sources, "toString", "To string")).toBe("To string");
  });
});

describe("the member's dashboard language", () => {
  it("is the member's own setting first", () => {
    expect(chooseDashboardLanguage({ memberSetting: "ja", acceptLanguage: "en-US" })).toBe("ja");
    expect(chooseDashboardLanguage({ memberSetting: "en", acceptLanguage: "ja-JP" })).toBe("en");
  });

  it("else the browser's Accept-Language, for the languages the dashboard speaks", () => {
    expect(chooseDashboardLanguage({ memberSetting: null, acceptLanguage: "ja-JP,ja;q=0.9" })).toBe(
      "ja",
    );
    // Korean is a storefront language but not a dashboard one: the next choice wins.
    expect(chooseDashboardLanguage({ memberSetting: null, acceptLanguage: "ko, ja;q=0.5" })).toBe(
      "ja",
    );
    expect(chooseDashboardLanguage({ memberSetting: null, acceptLanguage: "fr-FR" })).toBe("en");
  });

  it("else English; a stored language the dashboard no longer speaks is ignored", () => {
    expect(chooseDashboardLanguage({ memberSetting: null, acceptLanguage: null })).toBe("en");
    expect(chooseDashboardLanguage({ memberSetting: "ko", acceptLanguage: "ja" })).toBe("ja");
  });
});

describe("dashboard formats", () => {
  it("formats money, numbers and dates for the language", () => {
    const en = dashboardFormatters("en");
    const ja = dashboardFormatters("ja");
    expect(en.money(280000, "JPY")).toBe("¥280,000");
    expect(ja.money(280000, "JPY")).toBe("￥280,000");
    expect(ja.money(1250, "USD")).toBe("$12.50");
    expect(en.number(12345)).toBe("12,345");
    const when = new Date("2026-12-06T01:05:00Z");
    expect(ja.date(when, "Asia/Tokyo")).toBe("2026/12/06");
    expect(en.date(when, "Asia/Tokyo")).toBe("Dec 6, 2026");
    expect(ja.dateTime(when, "Asia/Tokyo")).toBe("2026/12/06 10:05");
  });
});
