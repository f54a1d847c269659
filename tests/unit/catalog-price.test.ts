import { describe, expect, it } from "vitest";
import {
  examplePriceInput,
  MAX_PRICE_MAJOR,
  parsePrice,
  priceInputValue,
} from "@/lib/catalog/price";

const minor = (input: string, currency: string) => {
  const result = parsePrice(input, currency);
  if (!result.ok) throw new Error(`expected "${input}" ${currency} to parse: ${result.error}`);
  return result.minor;
};
const error = (input: string, currency: string) => {
  const result = parsePrice(input, currency);
  if (result.ok)
    throw new Error(`expected "${input}" ${currency} to be refused, got ${result.minor}`);
  return result.error;
};

describe("parsePrice: major units typed by the owner → exact minor units", () => {
  it("reads yen as whole units (JPY has no minor unit)", () => {
    expect(minor("2800", "JPY")).toBe(2800);
    expect(minor(" 2800 ", "JPY")).toBe(2800);
    expect(minor("1", "JPY")).toBe(1);
  });

  it("accepts commas grouped in threes, and refuses commas that could be decimal marks", () => {
    expect(minor("2,800", "JPY")).toBe(2800);
    expect(minor("1,234,567.89", "USD")).toBe(123456789);
    expect(error("2,80", "JPY")).toMatch(/as a number/);
    expect(error("19,99", "USD")).toMatch(/as a number/);
    expect(error("1,2345", "USD")).toMatch(/as a number/);
    expect(error(",800", "JPY")).toMatch(/as a number/);
  });

  it("accepts full-width digits from a Japanese keyboard", () => {
    expect(minor("２８００", "JPY")).toBe(2800);
    expect(minor("２，８００", "JPY")).toBe(2800);
  });

  it("reads dollars and cents exactly, without floating-point error", () => {
    expect(minor("19.99", "USD")).toBe(1999);
    expect(minor("19.9", "USD")).toBe(1990);
    expect(minor("0.01", "USD")).toBe(1);
    // Float traps: 0.1 + 0.2 !== 0.3, 1.15 * 100 = 114.99999999999999, 4.35 * 100 = 434.99999999999994.
    expect(minor("0.3", "USD")).toBe(30);
    expect(minor("1.15", "USD")).toBe(115);
    expect(minor("4.35", "USD")).toBe(435);
    expect(minor("1.005", "KWD")).toBe(1005);
    expect(minor("0.1", "USD") + minor("0.2", "USD")).toBe(minor("0.3", "USD"));
  });

  it("refuses more decimals than the currency has, unless they are only zeros", () => {
    expect(error("19.999", "USD")).toBe("USD prices have at most 2 decimals, e.g. 19.99");
    expect(error("2800.5", "JPY")).toBe(
      "JPY prices have no decimals: enter whole units, e.g. 2800",
    );
    expect(minor("2800.00", "JPY")).toBe(2800);
    expect(minor("19.990", "USD")).toBe(1999);
  });

  it("uses three decimals for the Kuwaiti dinar", () => {
    expect(minor("1.234", "KWD")).toBe(1234);
    expect(minor("12.5", "KWD")).toBe(12500);
    expect(error("1.2345", "KWD")).toMatch(/at most 3 decimals/);
  });

  it("refuses negative, zero, empty and non-numeric prices", () => {
    expect(error("-5", "USD")).toBe("The price can't be negative");
    expect(error("−5", "USD")).toBe("The price can't be negative");
    expect(error("0", "JPY")).toBe("The price must be more than zero");
    expect(error("0.00", "USD")).toBe("The price must be more than zero");
    expect(error("", "USD")).toBe("Enter a price");
    expect(error("   ", "USD")).toBe("Enter a price");
    for (const bad of [
      "abc",
      "¥2800",
      "$19.99",
      "1e3",
      "19.",
      ".99",
      "1.2.3",
      "1 000",
      "0x10",
      "Infinity",
      "NaN",
    ]) {
      expect(error(bad, "USD")).toMatch(/as a number/);
    }
  });

  it("refuses absurd prices above 10,000,000 major units", () => {
    expect(minor("10000000", "JPY")).toBe(10_000_000);
    expect(minor("10,000,000.00", "USD")).toBe(1_000_000_000);
    expect(error("10000001", "JPY")).toMatch(/too high/);
    expect(error("10000000.01", "USD")).toMatch(/too high/);
    expect(error("99999999999999999999999", "USD")).toMatch(/too high/);
    expect(MAX_PRICE_MAJOR).toBe(10_000_000);
  });

  it("stays within the integer column for three-decimal currencies", () => {
    // 10,000,000 KWD would be 10^10 fils, more than a PostgreSQL integer holds.
    expect(minor("2147483.647", "KWD")).toBe(2_147_483_647);
    expect(error("2147483.648", "KWD")).toMatch(/too high/);
  });
});

describe("priceInputValue: the stored price back in the form", () => {
  it("formats minor units as the owner typed them", () => {
    expect(priceInputValue(2800, "JPY")).toBe("2800");
    expect(priceInputValue(1999, "USD")).toBe("19.99");
    expect(priceInputValue(5, "USD")).toBe("0.05");
    expect(priceInputValue(1005, "KWD")).toBe("1.005");
  });

  it("round-trips through parsePrice", () => {
    for (const [value, currency] of [
      [1, "USD"],
      [1999, "USD"],
      [2800, "JPY"],
      [1234, "KWD"],
      [1_000_000_000, "USD"],
    ] as const) {
      expect(minor(priceInputValue(value, currency), currency)).toBe(value);
    }
  });

  it("gives an example in the currency's own shape", () => {
    expect(examplePriceInput("JPY")).toBe("2800");
    expect(examplePriceInput("USD")).toBe("19.99");
    expect(examplePriceInput("KWD")).toBe("19.999");
  });
});
