import { Badge } from "@/components/ui/badge";
import type { FaqEntry } from "@/db/schema";
import { LANGUAGE_NAMES, matchLanguage } from "@/lib/i18n/languages";
import { DeleteEntryButton } from "./delete-entry-button";
import { FaqForm } from "./faq-form";

function languageName(code: string): string {
  const language = matchLanguage(code);
  return language ? LANGUAGE_NAMES[language] : code;
}

/** The store's FAQ entries; owners open one to edit it in place. */
export function FaqList({ entries, canEdit }: { entries: FaqEntry[]; canEdit: boolean }) {
  if (entries.length === 0) {
    return <p className="text-sm text-muted-foreground">No questions yet.</p>;
  }
  return (
    <ul className="grid gap-3">
      {entries.map((entry) => (
        <li key={entry.id} data-testid="faq-entry" className="rounded-lg border p-4">
          <details>
            <summary className="cursor-pointer list-none">
              <div className="flex flex-wrap items-center gap-2">
                <Badge variant="outline">{languageName(entry.language)}</Badge>
                <span className="font-medium">{entry.question}</span>
              </div>
              <p className="mt-1 line-clamp-2 text-sm text-muted-foreground">{entry.answer}</p>
              <p className="mt-1 text-xs text-muted-foreground">
                Keywords: {entry.keywords.join(", ")}
              </p>
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
              />
              {canEdit ? (
                <DeleteEntryButton kind="faq" id={entry.id} label={entry.question} />
              ) : null}
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
