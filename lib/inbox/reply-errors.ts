import type { SendAgentReplyError } from "./reply";

export const CONVERSATION_NOT_FOUND = "This conversation does not exist in your store.";

/** What the reply box says when a reply was not queued. */
export function describeReplyError(error: SendAgentReplyError): string {
  switch (error.error) {
    case "not_found":
      return CONVERSATION_NOT_FOUND;
    case "closed":
      return "This conversation is closed. The customer's next message opens a new one.";
    case "template_not_found":
      return "This template does not exist in your store.";
    case "template_not_approved":
      return `Meta has not approved this template (it is ${error.status}), so it cannot be sent.`;
    case "template_parameters":
      return error.expected === 1
        ? "Fill in the template's variable."
        : `Fill in all ${error.expected} of the template's variables.`;
    case "blocked":
      return `Not sent: ${error.explanation}`;
  }
}
