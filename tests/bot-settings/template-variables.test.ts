import { describe, expect, it } from "vitest";
import { parseKeywords, templateSchema } from "@/lib/bot-settings/schemas";
import { templateVariables } from "@/lib/bot-settings/template-variables";

describe("template variables", () => {
  it("counts the highest {{n}}, however often and in whatever order they appear", () => {
    expect(templateVariables("Thanks for your order!")).toEqual({ ok: true, count: 0 });
    expect(templateVariables("Hi {{1}}")).toEqual({ ok: true, count: 1 });
    expect(templateVariables("{{2}} is ready, {{1}}. Pay {{3}} — {{1}}")).toEqual({
      ok: true,
      count: 3,
    });
    expect(templateVariables("{{1}}{{2}}{{3}}{{4}}{{5}}{{6}}{{7}}{{8}}{{9}}{{10}}")).toEqual({
      ok: true,
      count: 10,
    });
  });

  it("refuses gaps, a {{0}} and named or malformed placeholders", () => {
    expect(templateVariables("Hi {{1}}, pay {{3}}")).toEqual({
      ok: false,
      error: "Number the variables from {{1}} without gaps: {{2}} is missing",
      problem: "variableGap",
      values: { n: "2" },
    });
    expect(templateVariables("Hi {{2}}")).toMatchObject({ ok: false, error: /{{1}} is missing/ });
    for (const body of ["Hi {{0}}", "Hi {{name}}", "Hi {{ 1 }}", "Hi {{}}", "Hi {{01}}"]) {
      expect(templateVariables(body), body).toMatchObject({
        ok: false,
        error: /is not a variable/,
      });
    }
  });

  it("puts variableCount into the parsed template, and the problem on the body field", () => {
    const fields = { name: "cart_reminder", language: "ja", category: "utility" };
    expect(templateSchema.parse({ ...fields, body: " {{1}}様、カート {{2}} " })).toEqual({
      ...fields,
      body: "{{1}}様、カート {{2}}",
      variableCount: 2,
    });
    const gap = templateSchema.safeParse({ ...fields, body: "{{1}} {{3}}" });
    expect(gap.success).toBe(false);
    expect(gap.error?.issues).toMatchObject([{ path: ["body"], message: /{{2}} is missing/ }]);
  });

  it("allows only Meta's template names, languages and categories", () => {
    const valid = { name: "order_update_2", language: "en", category: "marketing", body: "Hi" };
    expect(templateSchema.safeParse(valid).success).toBe(true);
    for (const change of [
      { name: "Order Update" },
      { name: "order-update" },
      { name: "" },
      { name: "a".repeat(513) },
      { language: "fr" },
      { category: "authentication" },
      { body: "x".repeat(1025) },
    ]) {
      expect(
        templateSchema.safeParse({ ...valid, ...change }).success,
        JSON.stringify(change),
      ).toBe(false);
    }
    expect(templateSchema.safeParse({ ...valid, name: "a".repeat(512) }).success).toBe(true);
  });
});

describe("FAQ keywords", () => {
  it("splits on commas (also Japanese and Chinese ones), trims, lower-cases and dedupes", () => {
    expect(parseKeywords(" Returns, REFUND ,returns,,  exchange ")).toEqual([
      "returns",
      "refund",
      "exchange",
    ]);
    expect(parseKeywords("返品、返金，交換")).toEqual(["返品", "返金", "交換"]);
    expect(parseKeywords(" , ,")).toEqual([]);
  });
});
