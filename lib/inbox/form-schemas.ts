import { z } from "zod";

export const REPLY_MAX_LENGTH = 4096;
export const TEMPLATE_PARAMETER_MAX_LENGTH = 1024;
/** Templates have at most this many body variables the inbox fills in (`param1` … `param10`). */
export const TEMPLATE_MAX_PARAMETERS = 10;

const conversationId = z.uuid("Unknown conversation");
/** Made by the browser for each draft: the reply's dedupe key (lib/inbox/ids.ts). */
const clientKey = z.uuid("Reload the page and try again");

export const conversationIdSchema = z.object({ conversationId });

export const sendReplySchema = z.object({
  conversationId,
  clientKey,
  text: z
    .string({ error: "Write a reply" })
    .trim()
    .min(1, "Write a reply")
    .max(REPLY_MAX_LENGTH, `Keep the reply to ${REPLY_MAX_LENGTH} characters`),
});

// WhatsApp refuses template variables with new lines, tabs or more than four spaces in a row.
const templateParameter = z
  .string()
  .trim()
  .min(1, "Fill in every variable")
  .max(
    TEMPLATE_PARAMETER_MAX_LENGTH,
    `Keep each variable to ${TEMPLATE_PARAMETER_MAX_LENGTH} characters`,
  )
  .refine((value) => !/[\n\t]| {5,}/.test(value), "Variables cannot contain new lines or tabs");

/** The form sends `param1`, `param2` …; they become `parameters`, in order, up to the first gap. */
function collectParameters(values: unknown): unknown {
  if (typeof values !== "object" || values === null) return values;
  const record = values as Record<string, unknown>;
  const parameters: unknown[] = [];
  for (let index = 1; index <= TEMPLATE_MAX_PARAMETERS; index++) {
    const value = record[`param${index}`];
    if (value === undefined) break;
    parameters.push(value);
  }
  return { ...record, parameters };
}

export const sendTemplateSchema = z.preprocess(
  collectParameters,
  z.object({
    conversationId,
    clientKey,
    templateId: z.uuid("Choose a template"),
    parameters: z.array(templateParameter).max(TEMPLATE_MAX_PARAMETERS),
  }),
);

export const setLabelsSchema = z.object({
  conversationId,
  labels: z.string().max(1000, "That is too many labels").default(""),
});
