import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/auth/sign-up";
import { formatPhoneNumber, storeProfileSchema, toE164 } from "@/lib/stores/profile-schema";
import { slugFromName } from "@/lib/stores/slugs";

const validProfile = {
  name: "Kyoto Tea & Crafts",
  whatsappNumber: "+81 75-123-4567",
  currency: "jpy",
  timezone: "Asia/Tokyo",
  defaultLanguage: "ja",
};

describe("store profile validation", () => {
  it("stores WhatsApp numbers as E.164 and shows them formatted", () => {
    const parsed = storeProfileSchema.parse(validProfile);
    expect(parsed.whatsappNumber).toBe("+81751234567");
    expect(parsed.currency).toBe("JPY");
    expect(formatPhoneNumber(parsed.whatsappNumber)).toBe("+81 75 123 4567");
  });

  it("keeps the fictional demo number", () => {
    expect(toE164("+1 555 000 1234")).toBe("+15550001234");
  });

  it.each([
    ["whatsappNumber", "075-123-4567", "international format"],
    ["whatsappNumber", "+81 12", "not a valid phone number"],
    ["whatsappNumber", "+1 555 000 1234 ext 9", "no extension"],
    ["whatsappNumber", "+81 75 123 4567 x12", "no extension"],
    ["currency", "XYZ", "Unknown currency"],
    ["timezone", "Mars/Olympus", "Unknown time zone"],
    ["defaultLanguage", "fr", "English or Japanese"],
    ["name", " ", "at least 2"],
  ])("rejects %s=%j with a reason", (field, value, message) => {
    const result = storeProfileSchema.safeParse({ ...validProfile, [field]: value });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toContain(message);
  });

  it("requires a 10-character password and a real email at sign-up", () => {
    const result = signUpSchema.safeParse({
      email: "not-an-email",
      password: "short",
      storeName: "Shop",
      whatsappNumber: "+81751234567",
      currency: "JPY",
      timezone: "Asia/Tokyo",
    });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("derives URL slugs from store names", () => {
    expect(slugFromName("Kyoto Tea & Crafts")).toBe("kyoto-tea-and-crafts");
    expect(slugFromName("Café Crème")).toBe("cafe-creme");
    expect(slugFromName("京都のお茶")).toBe("store");
  });
});
