import { Pencil } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import type { FaqEntry } from "@/db/schema";
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import { LANGUAGE_NAMES, matchLanguage } from "@/lib/i18n/languages";
import { DeleteEntryButton } from "./delete-entry-button";
import { FaqForm } from "./faq-form";

function languageName(code: string): string {
  const language = matchLanguage(code);
  return language ? LANGUAGE_NAMES[language] : code;
}

/** The store's FAQ entries, each with visible Edit (opens the form in place) and Delete. */
export function FaqList({
  entries,
  canEdit,
  t,
  saving,
}: {
  entries: FaqEntry[];
  canEdit: boolean;
  t: Pick<DashboardMessages["bot"], "faq" | "delete" | "deleting" | "deleteLabel">;
  saving: string;
}) {
  if (entries.length === 0) {
    return <p className="text-sm text-muted-foreground">{t.faq.empty}</p>;
  }
  return (
    <ul className="grid gap-3">
      {entries.map((entry) => (
        <li
          key={entry.id}
          data-testid="faq-entry"
          className="flex flex-col items-start gap-3 rounded-lg border p-4 sm:flex-row sm:gap-4"
        >
          <details className="group w-full min-w-0 sm:flex-1">
            <summary className="flex cursor-pointer list-none flex-col items-start gap-3 sm:flex-row sm:justify-between sm:gap-4">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge variant="outline">{languageName(entry.language)}</Badge>
                  <span className="font-medium">{entry.question}</span>
                </div>
                <p className="mt-1 line-clamp-2 text-sm text-muted-foreground">{entry.answer}</p>
                <p className="mt-1 text-xs text-muted-foreground">
                  {formatMessage(t.faq.keywordsList, { keywords: entry.keywords.join(", ") })}
                </p>
              </div>
              <span
                className={buttonVariants({
                  variant: "outline",
                  size: "sm",
                  className: "shrink-0",
                })}
                data-testid="faq-edit"
              >
                <Pencil aria-hidden />
                <span className="group-open:hidden">{canEdit ? t.faq.edit : t.faq.view}</span>
                <span className="hidden group-open:inline">{t.faq.close}</span>
              </span>
            </summary>
            <div className="mt-4 grid gap-4 border-t pt-4">
              <FaqForm
                id={entry.id}
                values={{
                  language: entry.language,
                  question: entry.question,
                  answer: entry.answer,
                  keywords: entry.keywords.join(", "),
                }}
                readOnly={!canEdit}
                t={t.faq}
                saving={saving}
              />
            </div>
          </details>
          {canEdit ? (
            <DeleteEntryButton kind="faq" id={entry.id} label={entry.question} t={t} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
