import { describe, expect, it } from "vitest";
import { parseGoQuery } from "@/lib/attribution/query";

const TOKEN = "a".repeat(43);
const parse = (query: string) => parseGoQuery(new URLSearchParams(query));

describe("/go query", () => {
  it("reads a complete, valid query", () => {
    const { query, problems } = parse(
      `src=cart&product=Uji-Matcha&qr=ab2cd3&cart=${TOKEN}&lang=ja-JP&page=${encodeURIComponent("https://u:p@shop.example/p/tea?utm_source=x#top")}`,
    );
    expect(query).toEqual({
      source: "cart",
      product: "uji-matcha",
      qr: "AB2CD3",
      cart: TOKEN,
      lang: "ja",
      page: "https://shop.example/p/tea?utm_source=x",
    });
    expect(problems).toEqual({});
  });

  it("treats a missing src as a plain link and says so", () => {
    expect(parse("")).toEqual({ query: { source: "link" }, problems: { src: "missing" } });
  });

  it("treats an unknown src as a plain link and records it, clipped", () => {
    const { query, problems } = parse(`src=${"x".repeat(500)}`);
    expect(query.source).toBe("link");
    expect(problems.src).toBe(`unknown:${"x".repeat(40)}…`);
  });

  it("takes the first of repeated values", () => {
    expect(parse("src=qr&src=widget").query.source).toBe("qr");
  });

  it.each([
    ["product", "product=../../etc", "malformed:../../etc"],
    ["product", `product=${"a".repeat(200)}`, `malformed:${"a".repeat(40)}…`],
    ["qr", "qr=O0O0I1", "malformed:O0O0I1"],
    ["page", "page=javascript:alert(1)", "malformed:javascript:alert(1)"],
    ["lang", "lang=fr", "unsupported:fr"],
    ["lang", "lang=zh-TW", "unsupported:zh-TW"],
  ])("drops a bad %s and records why (%s)", (field, raw, problem) => {
    const { query, problems } = parse(`src=widget&${raw}`);
    expect(query).toEqual({ source: "widget" });
    expect(problems).toEqual({ [field]: problem });
  });

  it("never echoes a malformed cart token", () => {
    const { query, problems } = parse("src=cart&cart=secret-but-wrong-length");
    expect(query.cart).toBeUndefined();
    expect(problems).toEqual({ cart: "malformed" });
    expect(JSON.stringify(problems)).not.toContain("secret");
  });

  it("ignores empty parameters", () => {
    expect(parse("src=widget&product=&qr=%20&lang=")).toEqual({
      query: { source: "widget" },
      problems: {},
    });
  });

  it("keeps control characters out of recorded problems", () => {
    expect(parse("src=%0Aevil%00%1B[31m").problems.src).toBe("unknown:evil [31m");
  });
});
