"use client";

import { Globe } from "lucide-react";
import { LANGUAGE_NAMES, SHOPPER_LANGUAGES, type ShopperLanguage } from "@/lib/i18n/languages";

/**
 * The language choice on a phone, where four links do not fit beside the store's name: a
 * plain GET form (`?lang=`), sent on change, with a button for browsers without JavaScript.
 */
export function LanguageSelect({
  current,
  path,
  label,
}: {
  current: ShopperLanguage;
  path: string;
  label: string;
}) {
  return (
    <form action={path} method="get" className="relative flex items-center">
      <Globe
        className="pointer-events-none absolute left-2 size-4 text-muted-foreground"
        aria-hidden
      />
      <select
        name="lang"
        aria-label={label}
        defaultValue={current}
        data-testid="language-select"
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="h-9 max-w-28 appearance-none rounded-md border bg-background pr-2 pl-7 text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        {SHOPPER_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="ml-1 h-9 rounded-md border px-2 text-sm">
          OK
        </button>
      </noscript>
    </form>
  );
}
