"use client";

import { Menu } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { SidebarNav } from "./sidebar-nav";
import { ViewStoreLink } from "./view-store-link";

export function MobileNav({
  storeName,
  store,
  t,
}: {
  storeName: string;
  store: { href: string; address: string };
  t: Pick<DashboardMessages, "nav" | "layout"> & {
    loyalty: { title: string };
    recoveryReport: { title: string };
    analytics: { title: string };
  };
}) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="md:hidden"
          aria-label={t.layout.openNavigation}
        >
          <Menu />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-64 p-4">
        <SheetTitle>{storeName}</SheetTitle>
        <div className="mb-4">
          <ViewStoreLink {...store} label={t.layout.viewStore} />
        </div>
        <SidebarNav
          labels={{
            ...t.nav,
            loyalty: t.loyalty.title,
            recovery: t.recoveryReport.title,
            reports: t.analytics.title,
          }}
          onNavigate={() => setOpen(false)}
        />
      </SheetContent>
    </Sheet>
  );
}
