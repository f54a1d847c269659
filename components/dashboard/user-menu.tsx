import { LogOut } from "lucide-react";
import { signOutAndGoHome } from "@/app/(auth)/actions/sign-out";
import { Button } from "@/components/ui/button";

export function UserMenu({ email, role }: { email: string; role: string }) {
  return (
    <div className="grid gap-2 border-t border-sidebar-border pt-4">
      <div className="min-w-0 px-1 text-sm">
        <p className="truncate font-medium" title={email}>
          {email}
        </p>
        <p className="text-xs text-muted-foreground capitalize">{role}</p>
      </div>
      <form action={signOutAndGoHome}>
        <Button type="submit" variant="outline" size="sm" className="w-full justify-start">
          <LogOut aria-hidden />
          Sign out
        </Button>
      </form>
    </div>
  );
}
