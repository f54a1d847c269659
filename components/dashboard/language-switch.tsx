"use client";

import { useActionState } from "react";
import { setLocaleAction } from "@/app/(dashboard)/dashboard/actions/set-locale";
import { Button } from "@/components/ui/button";
import {
  DASHBOARD_LANGUAGE_NAMES,
  DASHBOARD_LANGUAGES,
  type DashboardLanguage,
} from "@/lib/dashboard-i18n/languages";
import { idleState } from "@/lib/forms/action-state";

/** The member's dashboard language: one button per language, each named in itself. */
export function LanguageSwitch({ current, label }: { current: DashboardLanguage; label: string }) {
  const [state, action, pending] = useActionState(setLocaleAction, idleState);
  return (
    <form action={action} className="grid gap-1" data-testid="language-switch">
      <p className="px-1 text-xs text-muted-foreground" id="language-switch-label">
        {label}
      </p>
      <div role="group" aria-labelledby="language-switch-label" className="flex gap-1">
        {DASHBOARD_LANGUAGES.map((language) => (
          <Button
            key={language}
            type="submit"
            name="locale"
            value={language}
            lang={language}
            size="sm"
            variant={language === current ? "secondary" : "ghost"}
            aria-pressed={language === current}
            disabled={pending}
            className="flex-1"
          >
            {DASHBOARD_LANGUAGE_NAMES[language]}
          </Button>
        ))}
      </div>
      {state.status === "error" ? (
        <p role="alert" className="px-1 text-xs text-destructive">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
