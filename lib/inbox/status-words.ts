import type { MessageStatus } from "@/db/schema";

/** Names of the lucide icons the inbox draws for a status (components/inbox/message-status.tsx). */
export type StatusIcon = "clock" | "check" | "check-check" | "alert" | "ban";
export type StatusTone = "muted" | "read" | "error";

export type StatusWords = { words: string; icon: StatusIcon | null; tone: StatusTone };

type StatusInput = { status: MessageStatus; errorReason: string | null; errorCode: number | null };

/** What a failure reads as when the message carries no reason of its own. */
export type FailureFallbacks = { withCode: (code: number) => string; withoutCode: string };

const ENGLISH_FALLBACKS: FailureFallbacks = {
  withCode: (code) => `WhatsApp refused it (error ${code}).`,
  withoutCode: "WhatsApp refused it.",
};

/** A failed message's reason: the one recorded with it, else the error code in words. */
export function failureReason(
  message: Pick<StatusInput, "errorReason" | "errorCode">,
  fallbacks: FailureFallbacks = ENGLISH_FALLBACKS,
): string {
  const reason = message.errorReason?.trim();
  if (reason) return reason;
  return message.errorCode !== null ? fallbacks.withCode(message.errorCode) : fallbacks.withoutCode;
}

/** What the inbox says under a message: sent ✓, delivered ✓✓, read (blue ✓✓), and why not. */
export function messageStatusWords(message: StatusInput): StatusWords {
  switch (message.status) {
    case "received":
      return { words: "Received", icon: null, tone: "muted" };
    case "queued":
      return { words: "Sending…", icon: "clock", tone: "muted" };
    case "sent":
      return { words: "Sent", icon: "check", tone: "muted" };
    case "delivered":
      return { words: "Delivered", icon: "check-check", tone: "muted" };
    case "read":
      return { words: "Read", icon: "check-check", tone: "read" };
    case "failed":
      return { words: `Not delivered: ${failureReason(message)}`, icon: "alert", tone: "error" };
    case "blocked":
      return {
        words: `Not sent: ${message.errorReason?.trim() || "the sending rules did not allow it."}`,
        icon: "ban",
        tone: "error",
      };
  }
}
