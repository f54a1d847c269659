import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CSV_BOM,
  csvStream,
  decimal,
  encodeCell,
  encodeRow,
  neutraliseText,
} from "@/lib/analytics/export/csv";
import { parseCsv, parseCsvWithBom, readCsvStream } from "../analytics/csv-parse";

describe("CSV encoder", () => {
  it("quotes fields with commas, quotes, CR or LF, doubling quotes, and ends rows with CRLF", () => {
    expect(encodeRow(["plain", "a,b", 'say "hi"', "two\nlines", "cr\rhere"])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\rhere"\r\n',
    );
    expect(encodeRow([null, undefined, ""])).toBe(",,\r\n");
  });

  it("neutralises text cells that a spreadsheet would run as a formula", () => {
    for (const dangerous of ["=1+1", "+81 90", "-2", "@SUM(A1)", "\tTab", "\rCR"]) {
      expect(neutraliseText(dangerous)).toBe(`'${dangerous}`);
    }
    expect(encodeCell('=HYPERLINK("http://evil","x")')).toBe(
      `"'=HYPERLINK(""http://evil"",""x"")"`,
    );
    expect(encodeCell("\rCR")).toBe(`"'\rCR"`);
    for (const harmless of ["Matcha", "a=b", "1-2", "'quoted", " =space first", "抹茶"]) {
      expect(neutraliseText(harmless)).toBe(harmless);
    }
  });

  it("keeps numbers numeric, negative ones included", () => {
    expect(encodeRow([-1000, 0, 42, decimal(-123456, "USD"), decimal(-500, "JPY")])).toBe(
      "-1000,0,42,-1234.56,-500\r\n",
    );
    expect(() => encodeCell(Number.NaN)).toThrow();
  });

  it("writes amounts exactly in major units per currency", () => {
    expect(decimal(280000, "JPY").csvNumber).toBe("280000");
    expect(decimal(5, "USD").csvNumber).toBe("0.05");
    expect(decimal(-5, "EUR").csvNumber).toBe("-0.05");
    expect(decimal(1234567, "KWD").csvNumber).toBe("1234.567");
    expect(decimal(0, "USD").csvNumber).toBe("0.00");
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        expect(Number(decimal(minor, "USD").csvNumber)).toBeCloseTo(minor / 100, 6);
        expect(Math.round(Number(decimal(minor, "USD").csvNumber) * 100)).toBe(minor);
      }),
    );
  });

  it("round-trips any text through a strict RFC 4180 reader (CJK, emoji, quotes, newlines)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          const parsed = parseCsv(rows.map(encodeRow).join(""));
          expect(parsed).toEqual(rows.map((row) => row.map(neutraliseText)));
        },
      ),
    );
  });

  it("streams a UTF-8 file with a BOM, the header first, then pages as the reader pulls", async () => {
    const pages = [[["京都 抹茶", 1]], [], [["茶碗, 黒", 2]], [["=cmd", -3]]];
    let asked = 0;
    const stream = csvStream(["名前", "qty"], async () => {
      const rows = pages[asked] ?? [];
      asked += 1;
      return { rows, done: asked >= pages.length };
    });
    const reader = stream.getReader();
    const first = await reader.read();
    const bytes = first.value!;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(
      `${CSV_BOM}名前,qty\r\n`,
    );
    // Nothing was asked for before the reader wanted rows.
    expect(asked).toBe(0);
    const chunks = [bytes];
    const second = await reader.read();
    expect(asked).toBe(1);
    chunks.push(second.value!);
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      chunks.push(next.value);
    }
    const all = Buffer.concat(chunks);
    // The remaining pages skip the empty one and arrive in order.
    expect(parseCsvWithBom(new TextDecoder("utf-8", { ignoreBOM: true }).decode(all))).toEqual([
      ["名前", "qty"],
      ["京都 抹茶", "1"],
      ["茶碗, 黒", "2"],
      ["'=cmd", "-3"],
    ]);
    expect(asked).toBe(4);
  });

  it("reads back a whole stream with its BOM", async () => {
    const stream = csvStream(["a"], async () => ({ rows: [["b"]], done: true }));
    expect(await readCsvStream(stream)).toEqual([["a"], ["b"]]);
    expect(() => parseCsvWithBom("a\r\n")).toThrow(/byte-order mark/);
  });
});
