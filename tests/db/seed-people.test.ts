import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db/drivers";
import { customers } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed";
import { AU_FICTION_NUMBERS } from "@/lib/demo/seed/people";
import { createTestDatabase, testDbBackend } from "../support/database";

const NOW = new Date("2025-06-15T10:23:45Z");

const LATIN = /^[A-Z][a-z]+(?:[ '][A-Z]?[A-Za-z']+)?$/;
const JAPANESE = /^[\p{Script=Han}\p{Script=Hiragana}]+ [\p{Script=Han}\p{Script=Hiragana}]+$/u;
const HAN = /^\p{Script=Han}{2,4}$/u;
const HANGUL = /^\p{Script=Hangul}{2,4}$/u;

/**
 * Each country's range for fiction where it has one (US 555-01xx, UK 07700 900xxx, ACMA's
 * 0491 570 numbers); elsewhere a mobile prefix and a run of zeros no operator hands out.
 */
const COUNTRIES = [
  { country: "US", number: /^\+1\d{3}55501\d{2}$/, locale: "en", name: LATIN },
  { country: "GB", number: /^\+447700900\d{3}$/, locale: "en", name: LATIN },
  {
    country: "AU",
    number: new RegExp(`^\\+61491570(${AU_FICTION_NUMBERS.join("|")})$`),
    locale: "en",
    name: LATIN,
  },
  { country: "TW", number: /^\+886900000\d{3}$/, locale: "en", name: HAN },
  { country: "JP", number: /^\+819000000\d{3}$/, locale: "ja", name: JAPANESE },
  { country: "CN", number: /^\+8613800000\d{3}$/, locale: "zh-Hans", name: HAN },
  { country: "KR", number: /^\+821000000\d{3}$/, locale: "ko", name: HANGUL },
] as const;

describe(`demo seed: shoppers from their own countries [${testDbBackend}]`, () => {
  let handle: DatabaseHandle;
  let db: Database;

  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    await seedDemo(db, { now: NOW });
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("gives every shopper a fictional number of one country, with a name and language to match", async () => {
    const rows = await db.select().from(customers);
    const perCountry = new Map<string, number>();
    for (const row of rows) {
      const matches = COUNTRIES.filter(({ number }) => number.test(row.phone ?? ""));
      expect(matches, `${row.phone} is in exactly one fictional range`).toHaveLength(1);
      const [{ country, locale, name }] = matches as [(typeof COUNTRIES)[number]];
      expect(row.locale, `${row.phone}'s language`).toBe(locale);
      expect(row.name, `${row.phone}'s name`).toMatch(name);
      expect(row.waId).toBe(row.phone?.slice(1));
      perCountry.set(country, (perCountry.get(country) ?? 0) + 1);
    }
    // Japanese locals and travellers from every one of the six other countries.
    expect([...perCountry.keys()].sort()).toEqual(["AU", "CN", "GB", "JP", "KR", "TW", "US"]);
    expect(perCountry.get("JP")! / rows.length).toBeGreaterThan(0.5);
    // ACMA reserves only a few numbers: each is used once at most.
    expect(perCountry.get("AU")).toBeLessThanOrEqual(AU_FICTION_NUMBERS.length);
    expect(new Set(rows.map((row) => row.phone)).size).toBe(rows.length);
  });
});
