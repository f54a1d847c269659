import { FlaskConical, PlugZap } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AttributionNote } from "@/components/conversations/attribution-note";
import { SimulatorPhone } from "@/components/simulator/simulator-phone";
import { TrackedLinkHelper } from "@/components/simulator/tracked-link-helper";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { simulatorAvailability } from "@/lib/simulator/availability";
import { DEFAULT_SIMULATOR_NAME, simulatorWaId } from "@/lib/simulator/customer";
import { prefillFromQuery } from "@/lib/simulator/prefill";
import { loadSimulatorThread } from "@/lib/simulator/thread";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

export const metadata: Metadata = { title: "Simulator" };

export default async function SimulatorPage({
  searchParams,
}: {
  searchParams: Promise<{ text?: string | string[] }>;
}) {
  const { db, store, userId } = await requireMember();
  const availability = await simulatorAvailability(db, store.id, whatsappPlatformConfig());
  const heading = (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Simulator</h1>
      <p className="max-w-3xl text-sm text-muted-foreground">
        Chat with {store.name} as a shopper would, before WhatsApp is connected: the bot, its
        buttons and menus, hand-off to a person and message statuses all work as on a phone.
      </p>
    </div>
  );
  if (!availability.available) {
    return (
      <div className="grid max-w-3xl gap-6">
        {heading}
        <Card data-testid="simulator-unavailable" data-reason={availability.reason}>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <PlugZap className="size-5" aria-hidden />
              {availability.reason === "connected"
                ? "Connected to WhatsApp"
                : "The simulator is not available"}
            </CardTitle>
            <CardDescription>{availability.message}</CardDescription>
          </CardHeader>
          <CardContent className="text-sm">
            <Link href="/dashboard/settings" className="font-medium text-primary hover:underline">
              WhatsApp settings
            </Link>
          </CardContent>
        </Card>
      </div>
    );
  }
  const waId = simulatorWaId(userId);
  const thread = await loadSimulatorThread(db, store.id, waId);
  const { text } = await searchParams;
  return (
    <div className="grid max-w-5xl gap-6">
      {heading}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,24rem)_1fr]">
        <SimulatorPhone
          storeName={store.name}
          timezone={store.timezone}
          waId={waId}
          thread={thread}
          profileName={thread.customerName ?? DEFAULT_SIMULATOR_NAME}
          initialText={prefillFromQuery(text)}
        />
        <div className="grid gap-6">
          {thread.attribution ? (
            <Card>
              <CardHeader>
                <CardTitle>Attribution</CardTitle>
                <CardDescription>
                  What the dashboard will count this chat (and any order it leads to) as.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <AttributionNote attribution={thread.attribution} />
              </CardContent>
            </Card>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle className="flex items-center gap-2">
                <FlaskConical className="size-5" aria-hidden />
                How the sandbox works
              </CardTitle>
            </CardHeader>
            <CardContent className="grid gap-2 text-sm text-muted-foreground">
              <p>
                Your messages go through the same signed webhook as WhatsApp&apos;s; the bot&apos;s
                answers leave through the outbox and come back as sent, delivered and read. Nothing
                is sent to a phone.
              </p>
              <p>
                You chat as your own test shopper, +{waId}. The chat shows up in the{" "}
                <Link href="/dashboard/inbox" className="font-medium text-primary hover:underline">
                  inbox
                </Link>{" "}
                like any other, so you can answer it there.
              </p>
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <TrackedLinkHelper />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
