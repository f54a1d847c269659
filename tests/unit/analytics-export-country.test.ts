import { describe, expect, it } from "vitest";
import { memoisedPhoneCountry, phoneCountry } from "@/lib/analytics/export/country";

describe("customer country from the WhatsApp number", () => {
  it("reads the country of E.164 numbers and bare digits, and says unknown otherwise", () => {
    expect(phoneCountry("+81 75-123-4567")).toBe("JP");
    expect(phoneCountry("819012345678")).toBe("JP");
    expect(phoneCountry("+12125550123")).toBe("US");
    expect(phoneCountry("+447400123456")).toBe("GB");
    expect(phoneCountry("+8613812345678")).toBe("CN");
    expect(phoneCountry("+99912345")).toBe("unknown");
    expect(phoneCountry(null)).toBe("unknown");
    expect(phoneCountry("")).toBe("unknown");
  });

  it("gives the same answers through its bounded memo", () => {
    const country = memoisedPhoneCountry(2);
    for (const phone of ["+819012345678", "+12125550123", "+447400123456", "+819012345678", null]) {
      expect(country(phone)).toBe(phoneCountry(phone));
    }
  });
});
