import { describe, expect, it } from "vitest";
import { whatsappChatUrl, whatsappDigits } from "@/lib/attribution/wa-link";

describe("phone number → wa.me digits", () => {
  it.each([
    ["+1 555 000 1234", "15550001234"],
    ["+15550001234", "15550001234"],
    ["+81 75-123-4567", "81751234567"],
    ["+44 (20) 7946.0958", "442079460958"],
  ])("%s → %s", (number, digits) => {
    expect(whatsappDigits(number)).toBe(digits);
  });

  it.each([
    ["empty", ""],
    ["letters", "+1 555 CALL NOW"],
    ["a leading zero (no country code)", "075 123 4567"],
    ["too short", "+1 23"],
    ["more than 15 digits", "+1234567890123456"],
    ["a second plus", "+1+5550001234"],
    ["a URL", "evil.example/15550001234"],
  ])("refuses %s", (_why, number) => {
    expect(whatsappDigits(number)).toBeNull();
  });
});

describe("wa.me URL", () => {
  it("is always https://wa.me/<digits>", () => {
    expect(whatsappChatUrl("15550001234")).toBe("https://wa.me/15550001234");
    expect(new URL(whatsappChatUrl("15550001234", "hi")).origin).toBe("https://wa.me");
  });

  it("refuses anything but digits, so it cannot point elsewhere", () => {
    expect(() => whatsappChatUrl("evil.example/x")).toThrow();
    expect(() => whatsappChatUrl("")).toThrow();
  });
});
