import Link from "next/link";
import {
  ArrowRight,
  Bot,
  CircleCheck,
  Gift,
  MessageCircle,
  QrCode,
  ShoppingCart,
  type LucideIcon,
} from "lucide-react";

import { ChatPreview } from "@/components/landing/chat-preview";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DEMO_OWNER, isDemoEnabled } from "@/lib/demo/policy";
import { databaseEnv } from "@/lib/env";

const journey: { icon: LucideIcon; title: string; text: string }[] = [
  {
    icon: QrCode,
    title: "Tap or scan",
    text: "A click-to-chat button on a product page, or a QR code on a printed shop card, opens WhatsApp with a prefilled message.",
  },
  {
    icon: MessageCircle,
    title: "Chat, attributed",
    text: "The message carries a short reference, so every conversation is linked to the page, code or card it came from.",
  },
  {
    icon: Bot,
    title: "Pay in the chat",
    text: "The store's bot answers questions and sends a payment link, so the sale closes inside WhatsApp.",
  },
  {
    icon: Gift,
    title: "Come back",
    text: "Paid orders earn loyalty points that shoppers see and spend right in the chat, with tiers for regulars.",
  },
];

const availableToday = [
  "A storefront for each store, in English, Japanese, Chinese and Korean",
  "A click-to-chat widget and tracked links for your product pages",
  "QR codes and printed shop cards, each linked to the chats it starts",
  "A WhatsApp bot for the catalog, FAQs and order status, with hand-off to your team",
  "Stripe payment links sent in the chat (a local test checkout until you add a Stripe key)",
  "Orders to follow from link to payment, shipping and refund",
  "An inbox to answer chats, and a simulator to try it all without a WhatsApp account",
  "A dashboard with the store's orders, revenue, chats and customers",
  "Loyalty points earned and spent in the chat, with tiers, a balance one tap away and the owner's ledger",
  "Cart-recovery reminders for opted-in shoppers, inside WhatsApp's rules, with the revenue they bring back",
  "Conversion reports: which widget, page, QR code and reminder led to paid orders, against the period before, with CSV export",
  "Reports that stay quick on a year of a busy store's data, from daily rollups that always match the orders",
];

// Whether the demo store exists is decided when the server starts, not when it is built.
export const dynamic = "force-dynamic";

export default function LandingPage() {
  const demo = isDemoEnabled(databaseEnv());
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-40 border-b bg-background/80 backdrop-blur supports-[backdrop-filter]:bg-background/60">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
            <span className="flex size-8 items-center justify-center rounded-lg bg-primary text-primary-foreground">
              <ShoppingCart className="size-4" aria-hidden="true" />
            </span>
            Chatcart
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1 sm:gap-2">
            {demo ? (
              <Button asChild variant="ghost" size="sm" className="hidden sm:inline-flex">
                <Link href="/s/demo">Demo storefront</Link>
              </Button>
            ) : null}
            <Button asChild variant="ghost" size="sm" className="hidden min-[400px]:inline-flex">
              <Link href="/login">Sign in</Link>
            </Button>
            <Button asChild size="sm">
              <Link href="/signup">Create a store</Link>
            </Button>
            <ThemeToggle />
          </nav>
        </div>
      </header>

      <main className="flex-1">
        <section className="relative overflow-hidden border-b">
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-0 bg-[radial-gradient(ellipse_at_top_left,var(--primary)_0%,transparent_55%)] opacity-[0.12]"
          />
          <div className="relative mx-auto grid max-w-6xl items-center gap-12 px-4 py-16 sm:px-6 md:py-24 lg:grid-cols-[1.15fr_1fr]">
            <div className="flex flex-col gap-6">
              <Badge variant="secondary" className="gap-1.5 px-2.5 py-1">
                <MessageCircle aria-hidden="true" />
                WhatsApp commerce for stores
              </Badge>
              <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
                Turn WhatsApp into a sales channel for your store
              </h1>
              <div className="flex max-w-xl flex-col gap-3 text-pretty text-muted-foreground">
                <p className="text-lg">
                  Chatcart is built to connect your product pages and your shop counter to WhatsApp:
                  shoppers start a chat with one tap or a QR scan, and buy right in the
                  conversation.
                </p>
                <p>
                  Today: the storefront, the widget, QR codes and shop cards, the WhatsApp bot, the
                  inbox, payments in the chat, loyalty points, cart recovery and conversion reports
                  from each entry point to the paid order.
                </p>
              </div>
              <div className="flex flex-col gap-3 sm:flex-row">
                {demo ? (
                  <Button asChild size="lg">
                    <Link href="/s/demo">
                      Open the demo storefront
                      <ArrowRight aria-hidden="true" />
                    </Link>
                  </Button>
                ) : (
                  <Button asChild size="lg">
                    <Link href="/signup">
                      Create a store
                      <ArrowRight aria-hidden="true" />
                    </Link>
                  </Button>
                )}
                <Button asChild size="lg" variant="outline">
                  <Link href="/login">Sign in to the dashboard</Link>
                </Button>
              </div>
              {demo ? <DemoCredentials /> : null}
            </div>
            <ChatPreview />
          </div>
        </section>

        <section aria-labelledby="journey-heading" className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <h2 id="journey-heading" className="text-2xl font-semibold tracking-tight sm:text-3xl">
            The shopper journey Chatcart is built around
          </h2>
          <p className="mt-3 max-w-2xl text-muted-foreground">
            From the first tap to the repeat purchase, the conversation stays in the app your
            customers already use every day.
          </p>
          <ol className="mt-10 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {journey.map(({ icon: Icon, title, text }, index) => (
              <li key={title}>
                <Card className="h-full gap-4">
                  <CardHeader>
                    <div className="mb-2 flex items-center gap-3">
                      <span className="flex size-9 items-center justify-center rounded-lg bg-primary/10 text-primary">
                        <Icon className="size-5" aria-hidden="true" />
                      </span>
                      <span className="text-sm font-medium text-muted-foreground">
                        Step {index + 1}
                      </span>
                    </div>
                    <CardTitle className="text-base">{title}</CardTitle>
                  </CardHeader>
                  <CardContent>
                    <p className="text-sm text-muted-foreground">{text}</p>
                  </CardContent>
                </Card>
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="status-heading" className="border-t bg-muted/40">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
            <h2 id="status-heading" className="text-2xl font-semibold tracking-tight sm:text-3xl">
              Where Chatcart is today
            </h2>
            <p className="mt-3 max-w-2xl text-muted-foreground">
              Chatcart is early. Here is exactly what you can use now.
            </p>
            <div className="mt-10 grid gap-4">
              <StatusCard
                title="Available now"
                description="Working in this version."
                items={availableToday}
                icon={CircleCheck}
                badge={<Badge variant="success">Live</Badge>}
              />
            </div>
          </div>
        </section>
      </main>

      <footer className="border-t">
        <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-8 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <p>Chatcart: sell where your customers already chat.</p>
          <nav aria-label="Footer" className="flex gap-4">
            {demo ? (
              <Link href="/s/demo" className="hover:text-foreground hover:underline">
                Demo storefront
              </Link>
            ) : null}
            <Link href="/login" className="hover:text-foreground hover:underline">
              Sign in
            </Link>
            <Link href="/signup" className="hover:text-foreground hover:underline">
              Create a store
            </Link>
          </nav>
        </div>
      </footer>
    </div>
  );
}

function DemoCredentials() {
  return (
    <div className="max-w-xl rounded-lg border bg-card/80 p-4 text-sm shadow-xs">
      <p className="font-medium">Try the dashboard with the demo store</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted-foreground">Email</dt>
        <dd>
          <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
            {DEMO_OWNER.email}
          </code>
        </dd>
        <dt className="text-muted-foreground">Password</dt>
        <dd>
          <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
            {DEMO_OWNER.password}
          </code>
        </dd>
      </dl>
      <p className="mt-2 text-muted-foreground">
        The demo store holds sample data only: no real orders, customers or payments.
      </p>
    </div>
  );
}

function StatusCard({
  title,
  description,
  items,
  icon: Icon,
  badge,
}: {
  title: string;
  description: string;
  items: string[];
  icon: LucideIcon;
  badge: React.ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {title}
          {badge}
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="grid gap-3">
          {items.map((item) => (
            <li key={item} className="flex items-start gap-3 text-sm">
              <Icon className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden="true" />
              {item}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
