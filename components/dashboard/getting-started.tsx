import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import type { SetupProgress } from "@/lib/stores/setup-progress";

export function GettingStarted({
  progress,
  t,
}: {
  progress: SetupProgress;
  t: DashboardMessages["overview"]["setup"];
}) {
  const steps = [
    {
      id: "product",
      done: progress.productAdded,
      title: t.productTitle,
      body: t.productBody,
      href: "/dashboard/products/new",
    },
    {
      id: "simulator",
      done: progress.simulatorTried,
      title: t.simulatorTitle,
      body: t.simulatorBody,
      href: "/dashboard/simulator",
    },
    {
      id: "widget",
      done: progress.widgetInstalled,
      title: t.widgetTitle,
      body: t.widgetBody,
      href: "/dashboard/widget",
    },
    {
      id: "shop-card",
      done: progress.shopCardReady,
      title: t.shopCardTitle,
      body: t.shopCardBody,
      href: "/dashboard/qr",
    },
    {
      id: "whatsapp",
      done: progress.whatsappConnected,
      title: t.whatsappTitle,
      body: t.whatsappBody,
      href: "/dashboard/settings#whatsapp",
    },
    {
      id: "stripe",
      done: progress.stripeConnected,
      title: t.stripeTitle,
      body: t.stripeBody,
      href: "/dashboard/settings#stripe",
    },
  ];
  return (
    <Card data-testid="getting-started">
      <CardHeader>
        <CardTitle>{t.title}</CardTitle>
        <CardDescription>{t.description}</CardDescription>
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
                <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-primary" aria-label={t.done} />
              ) : (
                <Circle
                  className="mt-0.5 size-5 shrink-0 text-muted-foreground"
                  aria-label={t.toDo}
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
