import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { MessageCircle } from "lucide-react";
import { MobileNav } from "@/components/dashboard/mobile-nav";
import { SidebarNav } from "@/components/dashboard/sidebar-nav";
import { StoreSwitcher } from "@/components/dashboard/store-switcher";
import { UserMenu } from "@/components/dashboard/user-menu";
import { ViewStoreLink } from "@/components/dashboard/view-store-link";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { DatabaseUnavailable } from "@/components/database-unavailable";
import { requireMember } from "@/lib/auth/current-member";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { storeAddress } from "@/lib/server/store-address";
import { databaseProblem } from "@/lib/server/database-status";

export const metadata: Metadata = {
  title: { template: "%s · Dashboard · Chatcart", default: "Dashboard" },
};

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const problem = await databaseProblem();
  if (problem) return <DatabaseUnavailable reason={problem} />;
  // The proxy already turned away requests without a session; this checks again,
  // and resolves the member's store for everything below.
  const member = await requireMember();
  const storeOptions = member.memberships.map(({ store }) => ({
    slug: store.slug,
    name: store.name,
  }));
  const store = storeAddress(await headers(), member.store.slug);
  const strings = await getDashboardStrings();
  const { t } = strings;
  return (
    <div className="flex min-h-svh bg-background">
      <aside className="hidden w-64 shrink-0 flex-col gap-6 border-r border-sidebar-border bg-sidebar p-4 text-sidebar-foreground md:flex print:hidden">
        <Link href="/dashboard" className="flex items-center gap-2 px-1 font-semibold">
          <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
            <MessageCircle className="size-4" aria-hidden />
          </span>
          Chatcart
        </Link>
        <div className="grid gap-1 px-1">
          <p className="text-xs text-muted-foreground">{t.layout.store}</p>
          <p className="truncate font-medium" data-testid="store-name">
            {member.store.name}
          </p>
        </div>
        <ViewStoreLink {...store} label={t.layout.viewStore} />
        <StoreSwitcher stores={storeOptions} current={member.store.slug} labels={t.layout} />
        <SidebarNav
          labels={{
            ...t.nav,
            loyalty: t.loyalty.title,
            recovery: t.recoveryReport.title,
            reports: t.analytics.title,
          }}
        />
        <div className="mt-auto">
          <UserMenu email={member.email} role={member.role} strings={strings} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center gap-2 border-b px-4 md:px-8 print:hidden">
          <MobileNav
            storeName={member.store.name}
            store={store}
            t={{
              nav: t.nav,
              layout: t.layout,
              loyalty: { title: t.loyalty.title },
              recoveryReport: { title: t.recoveryReport.title },
              analytics: { title: t.analytics.title },
            }}
          />
          <p className="truncate font-medium md:hidden">{member.store.name}</p>
          <div className="ml-auto flex items-center gap-2">
            <ThemeToggle />
          </div>
        </header>
        <main className="flex-1 p-4 md:p-8 print:p-0">{children}</main>
      </div>
    </div>
  );
}
