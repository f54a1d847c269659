import { describe, expect, it } from "vitest";
import { fieldMessages } from "@/lib/forms/action-state";

describe("a field's error messages", () => {
  it("shows a repeated message once", () => {
    expect(
      fieldMessages(["Use 24-hour HH:MM, e.g. 09:30", "Use 24-hour HH:MM, e.g. 09:30"]),
    ).toEqual(["Use 24-hour HH:MM, e.g. 09:30"]);
  });

  it("keeps distinct messages in order and drops empty ones", () => {
    expect(fieldMessages(["First", "", "Second", "First"])).toEqual(["First", "Second"]);
    expect(fieldMessages("Only")).toEqual(["Only"]);
    expect(fieldMessages(undefined)).toEqual([]);
  });
});
