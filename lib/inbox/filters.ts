import { z } from "zod";
import { MAX_LABEL_LENGTH, normalizeLabel } from "./labels";

/** waiting: handed to a person (status agent); bot: the bot is answering; closed; all. */
export const INBOX_FILTERS = ["waiting", "bot", "closed", "all"] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export const INBOX_FILTER_LABELS: Record<InboxFilter, string> = {
  waiting: "Waiting for you",
  bot: "With the bot",
  closed: "Closed",
  all: "All",
};

/** The inbox page's query string; anything unknown falls back instead of failing the page. */
export const inboxSearchSchema = z.object({
  filter: z.enum(INBOX_FILTERS).catch("waiting"),
  label: z
    .string()
    .transform((value) => normalizeLabel(value))
    .refine((value) => value.length > 0 && [...value].length <= MAX_LABEL_LENGTH)
    .optional()
    .catch(undefined),
});
export type InboxSearch = z.output<typeof inboxSearchSchema>;

function inboxQuery(filter: InboxFilter, label?: string): string {
  const params = new URLSearchParams();
  if (filter !== "waiting") params.set("filter", filter);
  if (label) params.set("label", label);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The inbox URL for a filter and label, without empty parameters. */
export function inboxHref(filter: InboxFilter, label?: string): string {
  return `/dashboard/inbox${inboxQuery(filter, label)}`;
}

/**
 * A conversation's URL that keeps the list's filter and label, so the split view's list
 * beside the thread is the one the agent was looking at.
 */
export function conversationHref(id: string, filter: InboxFilter, label?: string): string {
  return `/dashboard/inbox/${encodeURIComponent(id)}${inboxQuery(filter, label)}`;
}
