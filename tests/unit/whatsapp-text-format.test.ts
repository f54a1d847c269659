import { describe, expect, it } from "vitest";
import { formatRuns, plainText } from "@/lib/whatsapp/text-format";

describe("WhatsApp text formatting", () => {
  it("turns an FAQ reply's *question* into bold text without the asterisks", () => {
    expect(formatRuns("*Do you ship abroad?*\n\nYes, to 30 countries.")).toEqual([
      { text: "Do you ship abroad?", style: "bold" },
      { text: "\n\nYes, to 30 countries." },
    ]);
  });

  it("reads italic, strikethrough and bold in the middle of a sentence", () => {
    expect(formatRuns("Now _only_ ~¥3,000~ *¥2,400*!")).toEqual([
      { text: "Now " },
      { text: "only", style: "italic" },
      { text: " " },
      { text: "¥3,000", style: "strike" },
      { text: " " },
      { text: "¥2,400", style: "bold" },
      { text: "!" },
    ]);
  });

  it("formats Japanese text the same way", () => {
    expect(formatRuns("*送料について*\n無料です")).toEqual([
      { text: "送料について", style: "bold" },
      { text: "\n無料です" },
    ]);
  });

  it("leaves markers alone where WhatsApp would", () => {
    for (const text of ["2*3*4 = 24", "* not bold *", "snake_case_name", "*across\nlines*", "**"]) {
      expect(formatRuns(text)).toEqual([{ text }]);
    }
    expect(formatRuns("")).toEqual([]);
  });
});

describe("a one-line preview", () => {
  it("drops the markers and keeps the words", () => {
    expect(plainText("*Do you ship abroad?* Yes.")).toBe("Do you ship abroad? Yes.");
  });
});
