import { LogOut } from "lucide-react";
import { signOutAndGoHome } from "@/app/(auth)/actions/sign-out";
import { Button } from "@/components/ui/button";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import { wordFor } from "@/lib/dashboard-i18n/messages";
import { LanguageSwitch } from "./language-switch";

export function UserMenu({
  email,
  role,
  strings: { language, t },
}: {
  email: string;
  role: string;
  strings: DashboardStrings;
}) {
  return (
    <div className="grid gap-3 border-t border-sidebar-border pt-4">
      <div className="min-w-0 px-1 text-sm">
        <p className="truncate font-medium" title={email}>
          {email}
        </p>
        <p className="text-xs text-muted-foreground" data-testid="member-role">
          {wordFor(t.userMenu.roles, role, role)}
        </p>
      </div>
      <LanguageSwitch current={language} label={t.userMenu.language} />
      <form action={signOutAndGoHome}>
        <Button type="submit" variant="outline" size="sm" className="w-full justify-start">
          <LogOut aria-hidden />
          {t.userMenu.signOut}
        </Button>
      </form>
    </div>
  );
}
