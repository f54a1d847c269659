import { describe, expect, it } from "vitest";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";
import { messagesFor } from "@/lib/i18n/messages";
import { describeTranslation, leaves, type Tree } from "../support/message-tree";

const english = leaves(messagesFor("en") as unknown as Tree);

describe("message files", () => {
  it("English defines the storefront's strings", () => {
    expect(english.get("storefront.addToCart")).toBe("Add to cart");
    expect(english.size).toBeGreaterThan(30);
  });

  for (const language of SHOPPER_LANGUAGES.filter((l) => l !== "en")) {
    describeTranslation(language, messagesFor("en"), messagesFor(language));
  }
});
