import { describe, expect, it } from "vitest";
import { parseQrImageQuery } from "@/lib/qr/image-query";

const parse = (query: string) => parseQrImageQuery(new URLSearchParams(query));

describe("QR image query", () => {
  it("reads a named code's image request, with defaults for the rest", () => {
    expect(parse("qr=k7q2mx&format=png&size=1024&ec=q")).toEqual({
      ok: true,
      query: { kind: "named", code: "K7Q2MX", format: "png", size: 1024, ec: "Q" },
    });
    expect(parse("qr=K7Q2MX")).toEqual({
      ok: true,
      query: { kind: "named", code: "K7Q2MX", format: "svg", size: 512, ec: "M" },
    });
  });

  it("reads the desktop panel's request and keeps only languages shoppers can read", () => {
    expect(parse("src=desktop_qr&product=uji-matcha-ceremonial-30g&lang=ja-JP&format=svg")).toEqual(
      {
        ok: true,
        query: {
          kind: "desktop",
          product: "uji-matcha-ceremonial-30g",
          lang: "ja",
          format: "svg",
          size: 512,
          ec: "M",
        },
      },
    );
    expect(parse("src=desktop_qr&lang=fr")).toMatchObject({ ok: true, query: { lang: undefined } });
    expect(parse("src=desktop_qr&product=&lang=")).toMatchObject({
      ok: true,
      query: { kind: "desktop", product: undefined, lang: undefined },
    });
  });

  it.each([
    ["qr=K7Q2MX&size=5000", "size", /between 256 and 2048/],
    ["qr=K7Q2MX&size=100", "size", /between 256 and 2048/],
    ["qr=K7Q2MX&size=512.5", "size", /whole number/],
    ["qr=K7Q2MX&size=big", "size", /whole number/],
    ["qr=K7Q2MX&ec=Z", "ec", /ec must be one of L, M, Q, H/],
    ["qr=K7Q2MX&format=gif", "format", /format must be one of png, svg/],
    ["qr=K0O1IL", "qr", /QR code id/],
    ["", "qr", /pass qr=<code> for a named code, or src=desktop_qr/],
    ["src=widget", "src", /src must be desktop_qr/],
    ["qr=K7Q2MX&src=desktop_qr", "src", /not both/],
    ["src=desktop_qr&product=../../etc", "product", /product slug/],
    ["src=desktop_qr&lang=<script>", "lang", /language tag/],
  ])("refuses %s with a message about %s", (query, path, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(message);
    expect(result.issues.map((issue) => issue.path)).toContain(path);
  });
});
