import type { ActionState, FieldErrors } from "@/lib/forms/action-state";
import en, { type DashboardMessages } from "./messages/en";
import type { DashboardLanguage } from "./languages";
import { dashboardMessagesFor, formatMessage, wordFor } from "./messages";

/**
 * Schema and action messages in the member's language. Schemas and actions keep writing
 * English; the English text (or its `{placeholder}` template) is looked up among the values of
 * a form's English dictionary sections, and the same key of the member's dictionary answers.
 * A message no section knows stays English, never breaks. Pure: the forms' unit tests call it.
 */
export type MessageSection = Record<string, string>;

/** Each form's sections, most specific first; `forms` holds the messages every form shares. */
const FORM_SECTIONS = {
  product: (t: DashboardMessages) => [t.productForm.errors, t.productForm.outcomes, t.forms.errors],
  widget: (t: DashboardMessages) => [t.widgetPage.errors, t.widgetPage.outcomes, t.forms.errors],
  qr: (t: DashboardMessages) => [t.qrCodes.errors, t.qrCodes.outcomes, t.forms.errors],
  simulator: (t: DashboardMessages) => [
    t.simulator.errors,
    t.simulatorRecovery.errors,
    t.forms.errors,
  ],
  settings: (t: DashboardMessages) => [
    t.settings.errors,
    t.settings.outcomes,
    t.settings.status,
    t.forms.errors,
  ],
  inbox: (t: DashboardMessages) => [t.inboxView.errors, t.inboxView.outcomes, t.forms.errors],
  bot: (t: DashboardMessages) => [t.bot.errors, t.bot.outcomes, t.forms.errors],
  hours: (t: DashboardMessages) => [t.widgetPage.errors, t.settings.outcomes, t.forms.errors],
} satisfies Record<string, (t: DashboardMessages) => MessageSection[]>;

export type DashboardForm = keyof typeof FORM_SECTIONS;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The `{placeholder}` values that make `template` read `message`, or null. */
function templateValues(template: string, message: string): Record<string, string> | null {
  if (!template.includes("{")) return null;
  const names: string[] = [];
  const pattern = template
    // Names start with a letter: WhatsApp variables such as {{1}} are text.
    .split(/\{([A-Za-z]\w*)\}/)
    .map((part, index) => {
      if (index % 2 === 0) return escapeRegExp(part);
      names.push(part);
      return "(.+?)";
    })
    .join("");
  const match = new RegExp(`^${pattern}$`, "s").exec(message);
  if (!match) return null;
  return Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? ""]));
}

/** One message in `language`, through the form's dictionary sections. */
export function translateMessage(
  message: string,
  form: DashboardForm,
  language: DashboardLanguage,
): string {
  if (language === "en") return message;
  const english = FORM_SECTIONS[form](en);
  const translated = FORM_SECTIONS[form](dashboardMessagesFor(language));
  for (const [index, section] of english.entries()) {
    for (const [key, text] of Object.entries(section)) {
      if (text === message) return wordFor(translated[index] ?? {}, key, message);
    }
  }
  for (const [index, section] of english.entries()) {
    for (const [key, text] of Object.entries(section)) {
      const values = templateValues(text, message);
      if (!values) continue;
      const target = translated[index] ?? {};
      if (!Object.hasOwn(target, key)) return message;
      // A placeholder may hold another known message ("Nothing was saved. {reason}").
      const inner = Object.fromEntries(
        Object.entries(values).map(([name, value]) => [
          name,
          translateMessage(value, form, language),
        ]),
      );
      return formatMessage(wordFor(target, key, text), inner);
    }
  }
  return message;
}

export function translateFieldErrors(
  errors: FieldErrors,
  form: DashboardForm,
  language: DashboardLanguage,
): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, messages]) => [
      field,
      messages?.map((message) => translateMessage(message, form, language)),
    ]),
  );
}

/** An action's answer (its message and field errors) in `language`. */
export function translateState(
  state: ActionState,
  form: DashboardForm,
  language: DashboardLanguage,
): ActionState {
  if (state.status === "idle") return state;
  if (state.status === "success") {
    return { ...state, message: translateMessage(state.message, form, language) };
  }
  return {
    ...state,
    message: translateMessage(state.message, form, language),
    fieldErrors: translateFieldErrors(state.fieldErrors, form, language),
  };
}
