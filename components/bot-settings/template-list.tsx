import { Badge } from "@/components/ui/badge";
import type { MessageTemplate } from "@/db/schema";
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import { DeleteEntryButton } from "./delete-entry-button";

export function TemplateList({
  templates,
  canEdit,
  t,
}: {
  templates: MessageTemplate[];
  canEdit: boolean;
  t: Pick<DashboardMessages["bot"], "templates" | "delete" | "deleting" | "deleteLabel">;
}) {
  if (templates.length === 0) {
    return <p className="text-sm text-muted-foreground">{t.templates.empty}</p>;
  }
  return (
    <ul className="grid gap-3">
      {templates.map((template) => (
        <li
          key={template.id}
          data-testid="message-template"
          className="flex items-start justify-between gap-4 rounded-lg border p-4"
        >
          <div className="grid min-w-0 gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-sm font-medium">{template.name}</span>
              <Badge variant="outline">{template.language}</Badge>
              <Badge variant={template.category === "marketing" ? "warning" : "info"}>
                {t.templates.badges[template.category]}
              </Badge>
              <span className="text-xs text-muted-foreground" data-testid="template-variables">
                {template.variableCount === 1
                  ? t.templates.oneVariable
                  : formatMessage(t.templates.variables, { count: template.variableCount })}
              </span>
            </div>
            <p className="text-sm whitespace-pre-line text-muted-foreground">{template.body}</p>
          </div>
          {canEdit ? (
            <DeleteEntryButton
              kind="template"
              id={template.id}
              label={`${template.name} (${template.language})`}
              t={t}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
