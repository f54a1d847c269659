/** Limits of the Dashboard → Bot forms, shared by the schemas and the browser forms (no zod). */
export const GREETING_MAX = 300;
export const FAQ_QUESTION_MAX = 200;
export const FAQ_ANSWER_MAX = 1000;
export const FAQ_KEYWORDS_MAX = 20;
export const FAQ_KEYWORD_MAX = 50;
export const QUICK_REPLY_TITLE_MAX = 40;
export const QUICK_REPLY_BODY_MAX = 1000;
/** Meta's limits for a template: a name of lowercase letters, digits and "_"; a body of 1,024. */
export const TEMPLATE_NAME_MAX = 512;
export const TEMPLATE_BODY_MAX = 1024;
export const TEMPLATE_CATEGORIES = ["utility", "marketing"] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];
