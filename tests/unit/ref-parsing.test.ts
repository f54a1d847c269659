import { describe, expect, it } from "vitest";
import { findRef, refTag } from "@/lib/attribution/refs";

describe("finding a ref in a shopper's message", () => {
  it.each([
    ["Hi! I'd like the matcha (ref K7Q2M)", "K7Q2M"],
    ["(ref k7q2m) lowercase", "K7Q2M"],
    ["spaces ( ref   K7Q2M )", "K7Q2M"],
    ["colon (ref: K7Q2M)", "K7Q2M"],
    ["full-width （ref Ｋ７Ｑ２Ｍ）", "K7Q2M"],
    ["full-width parens with ideographic space （ｒｅｆ　Ｋ７Ｑ２Ｍ）", "K7Q2M"],
    ["Japanese around it こんにちは (ref K7Q2M) よろしく", "K7Q2M"],
  ])("%s", (message, expected) => {
    expect(findRef(message)).toBe(expected);
  });

  it.each([
    ["no ref at all", "Hello there"],
    ["look-alike characters are not in the alphabet", "(ref K0Q1L)"],
    ["too short", "(ref K7)"],
    ["not in the fixed form", "ref K7Q2M"],
    ["a word that merely starts with ref", "See the (reference) card"],
  ])("finds nothing when %s", (_why, message) => {
    expect(findRef(message)).toBeNull();
  });

  it("takes the last valid tag when there are several", () => {
    expect(findRef("(ref 0O1IL) and then (ref K7Q2M)")).toBe("K7Q2M");
    expect(findRef("(ref ABCDE) forwarded, then mine (ref K7Q2M)")).toBe("K7Q2M");
  });

  it("round-trips the tag it writes", () => {
    expect(findRef(`Hi ${refTag("ABCDE")}`)).toBe("ABCDE");
  });
});
