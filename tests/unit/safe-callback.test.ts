import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/config";

describe("sign-in redirect target", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackPath("/dashboard/settings?tab=1")).toBe("/dashboard/settings?tab=1");
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    undefined,
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/dashboard");
  });
});
