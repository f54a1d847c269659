import { describe, expect, it } from "vitest";
import { findRef, generateRef, REF_ALPHABET, refTag, stripRefTags } from "@/lib/attribution/refs";

describe("ref generator", () => {
  const samples = Array.from({ length: 5000 }, () => generateRef());

  it("draws 5 characters from the alphabet, never a look-alike", () => {
    for (const ref of samples) {
      expect(ref).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/);
      expect(ref).not.toMatch(/[01OIL]/);
    }
  });

  it("has an alphabet without 0/O, 1/I/L and no duplicates", () => {
    expect(REF_ALPHABET).not.toMatch(/[01OIL]/);
    expect(new Set(REF_ALPHABET).size).toBe(REF_ALPHABET.length);
    expect(REF_ALPHABET.length).toBeGreaterThanOrEqual(30);
  });

  it("is random: every character turns up, and refs are not in sequence", () => {
    const used = new Set(samples.join(""));
    expect(used.size).toBe(REF_ALPHABET.length);
    // 5,000 draws from 31^5 ≈ 28.6 million: a repeat is unlikely (p ≈ 0.4 %), many are not random.
    expect(new Set(samples).size).toBeGreaterThan(samples.length - 3);
    const sorted = [...samples].sort();
    expect(samples).not.toEqual(sorted);
  });

  it("writes the tag findRef reads back", () => {
    for (const ref of samples.slice(0, 100)) expect(findRef(`Hi ${refTag(ref)}`)).toBe(ref);
  });
});

describe("stripRefTags", () => {
  it.each([
    ["Tea (ref ABCDE) set", "Tea  set"],
    ["（ｒｅｆ　ＡＢＣＤＥ） hi", " hi"],
    ["(ref: k7q2m)(REF#ABCDE)", ""],
    // findRef reads "(reference)" as the ref ERENCE, and stops at a first tag it rejects.
    ["a (reference) b", "a  b"],
    ["(ref 0O1IL) hides what follows", " hides what follows"],
    ["no tag (ref) here", "no tag (ref) here"],
  ])("%s → %s", (text, expected) => {
    expect(stripRefTags(text)).toBe(expected);
  });

  it("leaves our own tag as the one findRef finds", () => {
    for (const text of ["(reference) hi", "(ref 0O1IL) hi", "（ｒｅｆ　ＡＢＣＤＥ） hi"])
      expect(findRef(`${stripRefTags(text)} ${refTag("K7Q2M")}`)).toBe("K7Q2M");
  });
});
