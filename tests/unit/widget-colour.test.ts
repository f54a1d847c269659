import { describe, expect, it } from "vitest";
import { css } from "@/widget/styles";

const DEFAULT_COLOUR = "#25D366";

/** The colour the widget's button is drawn in, read back from its CSS. */
function buttonColour(colour: string | undefined): string | undefined {
  return /\.c\{[^}]*background:([^;]*);/.exec(css("right", colour))?.[1];
}

describe("the widget's data-colour", () => {
  it("accepts #rgb and #rrggbb in either case", () => {
    expect(buttonColour("#25D366")).toBe("#25D366");
    expect(buttonColour("#abc")).toBe("#abc");
    expect(buttonColour("#A1b2C3")).toBe("#A1b2C3");
  });

  it.each([
    ["a style-closing injection", "red}</style><img src=x onerror=alert(1)>"],
    ["a CSS rule smuggled after a colour", "#fff;background:url(//evil.example/x)"],
    ["a named colour", "red"],
    ["four hex digits", "#abcd"],
    ["a hex colour without #", "25D366"],
    ["a trailing newline", "#25D366\n"],
    ["an empty attribute", ""],
  ])("falls back to the default for %s, which never reaches the CSS", (_, value) => {
    expect(buttonColour(value)).toBe(DEFAULT_COLOUR);
    if (value.length > 6) expect(css("right", value)).not.toContain(value);
  });

  it("uses the default when the tag has no colour", () => {
    expect(buttonColour(undefined)).toBe(DEFAULT_COLOUR);
  });
});
