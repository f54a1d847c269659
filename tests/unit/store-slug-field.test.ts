import { describe, expect, it } from "vitest";
import { z } from "zod";
import { storeSlugField } from "@/lib/stores/slugs";

const field = z.object({ storeSlug: storeSlugField });

function problem(value: string): string | undefined {
  const parsed = field.safeParse({ storeSlug: value });
  return parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message).join(" | ");
}

describe("the store address chosen at sign-up", () => {
  it("is optional: blank means 'make it from the name'", () => {
    expect(field.parse({}).storeSlug).toBeUndefined();
    expect(field.parse({ storeSlug: "   " }).storeSlug).toBeUndefined();
  });

  it("is trimmed and lowercased", () => {
    expect(field.parse({ storeSlug: " Kyoto-Tea " }).storeSlug).toBe("kyoto-tea");
  });

  it("follows the slug rules, one message per problem", () => {
    expect(problem("kyoto tea")).toBe(
      "Use lowercase letters, digits and single hyphens, e.g. kyoto-tea",
    );
    expect(problem("kyoto--tea")).toBe(
      "Use lowercase letters, digits and single hyphens, e.g. kyoto-tea",
    );
    expect(problem("京都")).toBe(
      "Use lowercase letters, digits and single hyphens, e.g. kyoto-tea",
    );
    expect(problem("k")).toBe("Use at least 2 characters");
    expect(problem("a".repeat(41))).toBe("Keep the address under 40 characters");
  });

  it("refuses the app's own words", () => {
    expect(problem("dashboard")).toBe("Chatcart keeps this address for itself: choose another");
    expect(problem("api")).toBe("Chatcart keeps this address for itself: choose another");
  });
});
