import { z } from "zod";

const uuid = z.uuid();

/** Ids come from URLs and forms: a malformed one finds nothing instead of a database error. */
export function isUuid(value: string): boolean {
  return uuid.safeParse(value).success;
}

/**
 * An agent's reply is unique per conversation and per submitted form (a uuid the browser
 * makes for each draft), so a double-submitted form queues one message.
 */
export function agentReplyDedupeKey(conversationId: string, clientKey: string): string {
  return `agent:${conversationId}:${clientKey}`;
}
