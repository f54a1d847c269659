import { describe, expect, it } from "vitest";
import { nestForm } from "../support/fake-stripe";

describe("the fake Stripe server's form parsing", () => {
  it("nests bracketed keys and turns 0..n-1 keys into arrays", () => {
    expect(
      nestForm({
        mode: "payment",
        "line_items[0][price_data][unit_amount]": "4800",
        "line_items[0][quantity]": "2",
        "line_items[1][quantity]": "1",
        "metadata[order_id]": "o1",
      }),
    ).toEqual({
      mode: "payment",
      line_items: [{ price_data: { unit_amount: "4800" }, quantity: "2" }, { quantity: "1" }],
      metadata: { order_id: "o1" },
    });
  });
});
