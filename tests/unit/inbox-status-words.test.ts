import { describe, expect, it } from "vitest";
import type { MessageStatus } from "@/db/schema";
import { messageStatusWords } from "@/lib/inbox/status-words";

const words = (
  status: MessageStatus,
  errorReason: string | null = null,
  errorCode: number | null = null,
) => messageStatusWords({ status, errorReason, errorCode });

describe("message status words", () => {
  it("shows the delivery progress with ticks", () => {
    expect(words("queued")).toEqual({ words: "Sending…", icon: "clock", tone: "muted" });
    expect(words("sent")).toEqual({ words: "Sent", icon: "check", tone: "muted" });
    expect(words("delivered")).toEqual({ words: "Delivered", icon: "check-check", tone: "muted" });
    expect(words("read")).toEqual({ words: "Read", icon: "check-check", tone: "read" });
    expect(words("received")).toMatchObject({ icon: null });
  });

  it("says why a message failed, in words, falling back to the error code", () => {
    const failed = words("failed", "Message undeliverable: the number is not on WhatsApp", 131026);
    expect(failed).toEqual({
      words: "Not delivered: Message undeliverable: the number is not on WhatsApp",
      icon: "alert",
      tone: "error",
    });
    expect(words("failed", null, 131026).words).toBe(
      "Not delivered: WhatsApp refused it (error 131026).",
    );
    expect(words("failed", "  ").words).toBe("Not delivered: WhatsApp refused it.");
  });

  it("says why a message was blocked", () => {
    const blocked = words("blocked", "The customer opted out (STOP).");
    expect(blocked).toEqual({
      words: "Not sent: The customer opted out (STOP).",
      icon: "ban",
      tone: "error",
    });
    expect(words("blocked").words).toMatch(/^Not sent: /);
  });
});
