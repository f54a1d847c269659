import { z } from "zod";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";
import {
  FAQ_ANSWER_MAX,
  FAQ_KEYWORD_MAX,
  FAQ_KEYWORDS_MAX,
  FAQ_QUESTION_MAX,
  GREETING_MAX,
  QUICK_REPLY_BODY_MAX,
  QUICK_REPLY_TITLE_MAX,
  TEMPLATE_BODY_MAX,
  TEMPLATE_CATEGORIES,
  TEMPLATE_NAME_MAX,
} from "./limits";
import { templateVariables } from "./template-variables";

/** The Dashboard → Bot forms (strings from FormData) → what lib/bot-settings stores. */

const language = z.enum(SHOPPER_LANGUAGES, { error: "Choose one of the store's languages" });

const requiredText = (max: number, empty: string, tooLong: string) =>
  z.string({ error: empty }).trim().min(1, empty).max(max, tooLong);

/** The form field of the greeting in `language`. */
export const greetingField = (code: (typeof SHOPPER_LANGUAGES)[number]) => `greeting_${code}`;

/** One text field per language; an empty field means "use the bot's standard welcome". */
export const greetingsFormSchema = z
  .object(
    Object.fromEntries(
      SHOPPER_LANGUAGES.map((code) => [
        greetingField(code),
        z
          .string()
          .trim()
          .max(GREETING_MAX, `Keep the greeting under ${GREETING_MAX} characters`)
          .default(""),
      ]),
    ) as Record<string, z.ZodDefault<z.ZodString>>,
  )
  .transform((form) => {
    const greetings: Partial<Record<(typeof SHOPPER_LANGUAGES)[number], string>> = {};
    for (const code of SHOPPER_LANGUAGES) {
      const text = form[greetingField(code)];
      if (text) greetings[code] = text;
    }
    return greetings;
  });
export type GreetingsInput = z.output<typeof greetingsFormSchema>;

/** "Returns, refund , RETURN" → ["returns", "refund", "return"]: trimmed, lower case, once each. */
export function parseKeywords(text: string): string[] {
  const keywords = text
    .split(/[,，、;\n]/)
    .map((keyword) => keyword.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(keywords)];
}

const keywords = z
  .string({ error: "Add at least one keyword" })
  .transform(parseKeywords)
  .pipe(
    z
      .array(
        z.string().max(FAQ_KEYWORD_MAX, `Keep each keyword under ${FAQ_KEYWORD_MAX} characters`),
      )
      .min(1, "Add at least one keyword, e.g. returns, refund")
      .max(FAQ_KEYWORDS_MAX, `Use at most ${FAQ_KEYWORDS_MAX} keywords`),
  );

export const faqFieldsSchema = z.object({
  language,
  question: requiredText(
    FAQ_QUESTION_MAX,
    "Write the question as a shopper would ask it",
    `Keep the question under ${FAQ_QUESTION_MAX} characters`,
  ),
  answer: requiredText(
    FAQ_ANSWER_MAX,
    "Write the answer the bot sends",
    `Keep the answer under ${FAQ_ANSWER_MAX} characters`,
  ),
  keywords,
});
export type FaqFields = z.output<typeof faqFieldsSchema>;

const entryId = z.uuid("Unknown entry");
export const idSchema = z.object({ id: entryId });
export const updateFaqSchema = faqFieldsSchema.extend({ id: entryId });

export const quickReplySchema = z.object({
  title: requiredText(
    QUICK_REPLY_TITLE_MAX,
    "Give the reply a short title",
    `Keep the title under ${QUICK_REPLY_TITLE_MAX} characters`,
  ),
  body: requiredText(
    QUICK_REPLY_BODY_MAX,
    "Write the text an agent inserts",
    `Keep the text under ${QUICK_REPLY_BODY_MAX} characters`,
  ),
});
export type QuickReplyFields = z.output<typeof quickReplySchema>;

export const templateSchema = z
  .object({
    name: z
      .string({ error: "Give the template its name as approved by Meta" })
      .trim()
      .regex(
        new RegExp(`^[a-z0-9_]{1,${TEMPLATE_NAME_MAX}}$`),
        "Use the name exactly as in Meta: lowercase letters, digits and _ (e.g. cart_reminder)",
      ),
    language,
    category: z.enum(TEMPLATE_CATEGORIES, { error: "Choose utility or marketing" }),
    body: requiredText(
      TEMPLATE_BODY_MAX,
      "Paste the template's body text",
      `Meta allows at most ${TEMPLATE_BODY_MAX} characters`,
    ),
  })
  .transform((fields, context) => {
    const variables = templateVariables(fields.body);
    if (!variables.ok) {
      context.addIssue({ code: "custom", path: ["body"], message: variables.error });
      return z.NEVER;
    }
    return { ...fields, variableCount: variables.count };
  });
export type TemplateFields = z.output<typeof templateSchema>;
