import { LANGUAGE_NAMES, SHOPPER_LANGUAGES, type ShopperLanguage } from "@/lib/i18n/languages";
import { cn } from "@/lib/utils";

/**
 * Plain links to the same page with `?lang=`: no JavaScript, crawlable, and each
 * language name is written in (and marked as) its own language.
 */
export function LanguageSwitcher({
  current,
  path,
  label,
}: {
  current: ShopperLanguage;
  /** The page's path without a query. */
  path: string;
  label: string;
}) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap items-center gap-1 text-sm">
        {SHOPPER_LANGUAGES.map((language) => {
          const active = language === current;
          return (
            <li key={language}>
              <a
                href={`${path}?lang=${encodeURIComponent(language)}`}
                hrefLang={language}
                lang={language}
                aria-current={active ? "true" : undefined}
                className={cn(
                  "inline-flex h-8 items-center rounded-md px-2 outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  active
                    ? "bg-secondary font-medium text-secondary-foreground"
                    : "text-muted-foreground hover:bg-accent hover:text-accent-foreground",
                )}
              >
                {LANGUAGE_NAMES[language]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
