import { describe, expect, it } from "vitest";
import { orderStatusLabel, sourceLabel } from "@/lib/inbox/display";

describe("the overview's order labels", () => {
  it("names each entry point in words, never as an identifier", () => {
    expect(sourceLabel("qr")).toBe("Shop QR code");
    expect(sourceLabel("product_button")).toBe("Product button");
    expect(sourceLabel("desktop_qr")).toBe("Product page QR");
    expect(sourceLabel("unattributed")).toBe("Unattributed");
    expect(sourceLabel("instagram_story")).toBe("Instagram story");
  });

  it("names each order status in words", () => {
    expect(orderStatusLabel("paid")).toBe("Paid");
    expect(orderStatusLabel("pending")).toBe("Awaiting payment");
    expect(orderStatusLabel("refunded")).toBe("Refunded");
    expect(orderStatusLabel("cancelled")).toBe("Cancelled");
    expect(orderStatusLabel("partially_refunded")).toBe("Partially refunded");
  });
});
