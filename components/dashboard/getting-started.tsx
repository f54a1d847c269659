import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { SetupProgress } from "@/lib/stores/setup-progress";

export function GettingStarted({ progress }: { progress: SetupProgress }) {
  const steps = [
    {
      id: "product",
      done: progress.productAdded,
      title: "Add a product",
      body: "Name, price and a photo; it appears in your storefront and the bot can show it.",
      href: "/dashboard/products/new",
    },
    {
      id: "simulator",
      done: progress.simulatorTried,
      title: "Try the simulator",
      body: "Chat with your bot as a shopper would, without a WhatsApp account.",
      href: "/dashboard/simulator",
    },
    {
      id: "widget",
      done: progress.widgetInstalled,
      title: "Install the widget",
      body: "Paste the snippet into your website; this ticks itself once a shopper taps it there.",
      href: "/dashboard/widget",
    },
    {
      id: "shop-card",
      done: progress.shopCardReady,
      title: "Print a shop card",
      body: "Make a QR code and print its card for your counter or shopping bags.",
      href: "/dashboard/qr",
    },
    {
      id: "whatsapp",
      done: progress.whatsappConnected,
      title: "Connect WhatsApp",
      body: "Add your phone-number id and access token from Meta's WhatsApp Manager.",
      href: "/dashboard/settings#whatsapp",
    },
  ];
  return (
    <Card data-testid="getting-started">
      <CardHeader>
        <CardTitle>Get your store ready</CardTitle>
        <CardDescription>
          Your store has no orders yet. Each step ticks itself off when it is done.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-3">
          {steps.map((step) => (
            <li
              key={step.id}
              className="flex gap-3"
              data-testid={`setup-${step.id}`}
              data-done={step.done}
            >
              {step.done ? (
                <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-primary" aria-label="Done" />
              ) : (
                <Circle
                  className="mt-0.5 size-5 shrink-0 text-muted-foreground"
                  aria-label="To do"
                />
              )}
              <div>
                <Link href={step.href} className="font-medium underline-offset-4 hover:underline">
                  {step.title}
                </Link>
                <p className="text-sm text-muted-foreground">{step.body}</p>
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
