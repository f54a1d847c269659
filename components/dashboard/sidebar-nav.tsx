"use client";

import {
  ChartColumn,
  Bot,
  Inbox,
  LayoutDashboard,
  MessageCircleMore,
  Package,
  QrCode,
  Receipt,
  RotateCcw,
  Settings,
  Sparkles,
  Smartphone,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { cn } from "@/lib/utils";

// Only pages that exist are listed; each feature adds its entry when it ships.
const NAV_ITEMS = [
  { href: "/dashboard", label: "overview", icon: LayoutDashboard },
  { href: "/dashboard/reports", label: "reports", icon: ChartColumn },
  { href: "/dashboard/inbox", label: "inbox", icon: Inbox },
  { href: "/dashboard/orders", label: "orders", icon: Receipt },
  { href: "/dashboard/products", label: "products", icon: Package },
  { href: "/dashboard/loyalty", label: "loyalty", icon: Sparkles },
  { href: "/dashboard/recovery", label: "recovery", icon: RotateCcw },
  { href: "/dashboard/widget", label: "widget", icon: MessageCircleMore },
  { href: "/dashboard/qr", label: "qr", icon: QrCode },
  { href: "/dashboard/bot", label: "bot", icon: Bot },
  { href: "/dashboard/simulator", label: "simulator", icon: Smartphone },
  { href: "/dashboard/settings", label: "settings", icon: Settings },
] as const;

export function SidebarNav({
  labels,
  onNavigate,
}: {
  /** The nav's words; Loyalty's, Recovery's and Reports' labels are their pages' titles. */
  labels: DashboardMessages["nav"] & { loyalty: string; recovery: string; reports: string };
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={labels.label} className="grid gap-1">
      {NAV_ITEMS.map(({ href, label, icon: Icon }) => {
        const active = href === "/dashboard" ? pathname === href : pathname.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-sidebar-foreground/80 transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground",
              active && "bg-sidebar-accent text-sidebar-accent-foreground",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {labels[label]}
          </Link>
        );
      })}
    </nav>
  );
}
