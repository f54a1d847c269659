import { CircleCheck, CircleX, MessageCircle } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { loadPayDoneView } from "@/lib/payments/pay-done";
import { getDb } from "@/lib/server/database";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Stripe Checkout's success and cancel page: thanks, and the way back to the chat. Writes nothing. */
export default async function PayDonePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const { result } = await searchParams;
  const view = await loadPayDoneView(await getDb(), {
    token,
    result: typeof result === "string" ? result : undefined,
  });
  if (!view) notFound();
  const success = result !== "cancel";
  const Icon = success ? CircleCheck : CircleX;
  return (
    <div lang={view.language} data-testid="pay-done" className="flex min-h-dvh flex-col">
      <title>{`${view.title} · ${view.storeName}`}</title>
      <main className="mx-auto flex w-full max-w-xl flex-1 flex-col items-center justify-center gap-6 px-4 py-16 text-center">
        <span className="flex size-14 items-center justify-center rounded-full bg-primary/10 text-primary">
          <Icon className="size-7" aria-hidden />
        </span>
        <div className="grid gap-2">
          <p className="text-sm font-medium text-muted-foreground">{view.storeName}</p>
          <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">
            {view.title}
          </h1>
          <p className="text-pretty text-muted-foreground">{view.text}</p>
        </div>
        {view.chatUrl ? (
          <Button asChild size="lg">
            <a href={view.chatUrl} rel="noreferrer" data-testid="back-to-whatsapp">
              <MessageCircle aria-hidden />
              {view.backLabel}
            </a>
          </Button>
        ) : null}
      </main>
    </div>
  );
}
