import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { SetupProgress } from "@/lib/stores/setup-progress";

export function GettingStarted({ progress }: { progress: SetupProgress }) {
  const steps = [
    {
      done: true,
      title: "Check your store profile",
      body: "Name, WhatsApp number, currency, time zone and language.",
      href: "/dashboard/settings",
    },
    {
      done: progress.whatsappConnected,
      title: "Connect WhatsApp",
      body: "Add your phone-number id and access token from Meta's WhatsApp Manager.",
      href: "/dashboard/settings#whatsapp",
    },
    {
      done: progress.stripeConnected,
      title: "Connect Stripe",
      body: "Add your Stripe secret key and webhook secret so you can take payments.",
      href: "/dashboard/settings#stripe",
    },
  ];
  return (
    <Card data-testid="getting-started">
      <CardHeader>
        <CardTitle>Get your store ready</CardTitle>
        <CardDescription>
          Your store has no orders yet. These steps connect it to WhatsApp and payments.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-3">
          {steps.map((step) => (
            <li key={step.title} className="flex gap-3">
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
