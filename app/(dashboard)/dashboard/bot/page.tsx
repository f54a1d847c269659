import type { Metadata } from "next";
import Link from "next/link";
import { FaqForm } from "@/components/bot-settings/faq-form";
import { FaqList } from "@/components/bot-settings/faq-list";
import { OrderTemplatesForm } from "@/components/bot-settings/order-templates-form";
import { GreetingsForm } from "@/components/bot-settings/greetings-form";
import { QuickReplyForm } from "@/components/bot-settings/quick-reply-form";
import { QuickReplyList } from "@/components/bot-settings/quick-reply-list";
import { TemplateForm } from "@/components/bot-settings/template-form";
import { TemplateList } from "@/components/bot-settings/template-list";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { requireMember } from "@/lib/auth/current-member";
import { listFaqEntries } from "@/lib/bot-settings/faqs";
import { readGreetings } from "@/lib/bot-settings/greetings";
import { listQuickReplies } from "@/lib/bot-settings/quick-replies";
import { readOrderTemplates } from "@/lib/bot-settings/order-templates";
import { listMessageTemplates } from "@/lib/bot-settings/templates";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { readStoreSettings } from "@/lib/stores/settings";

export const metadata: Metadata = { title: "Bot" };

export default async function BotPage() {
  const { db, store, role } = await requireMember();
  const [faqs, replies, templates] = await Promise.all([
    listFaqEntries(db, store.id),
    listQuickReplies(db, store.id),
    listMessageTemplates(db, store.id),
  ]);
  const canEdit = role === "owner";
  const { t } = await getDashboardStrings();
  const utilityNames = [
    ...new Set(
      templates
        .filter((template) => template.category === "utility" && template.status === "approved")
        .map((template) => template.name),
    ),
  ];
  const hoursEnabled = readStoreSettings(store.settings).businessHours.enabled;
  return (
    <div className="grid max-w-5xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Bot</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          What the bot says in your chats: its greeting, the answers to common questions, and the
          texts your team reuses.
          {canEdit ? "" : " Only the store owner can change these."}
        </p>
        <p className="mt-2 text-sm" data-testid="business-hours-link">
          Business hours decide whether the bot tells a shopper who asks for a person that someone
          will answer now, or when you open. They are {hoursEnabled ? "on" : "off"} and edited on
          the{" "}
          <Link href="/dashboard/widget" className="font-medium text-primary hover:underline">
            Widget page
          </Link>
          .
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Greeting</CardTitle>
          <CardDescription>
            Opens the bot&apos;s menu when a shopper says hello, in the shopper&apos;s language.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <GreetingsForm greetings={readGreetings(store.settings)} readOnly={!canEdit} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Questions and answers</CardTitle>
          <CardDescription>
            The bot answers when a message contains a keyword, and lists the questions in the
            shopper&apos;s language when asked for help.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <FaqList entries={faqs} canEdit={canEdit} />
          {canEdit ? (
            <>
              <Separator />
              <div className="grid gap-4">
                <h2 className="font-medium">New question</h2>
                <FaqForm readOnly={false} />
              </div>
            </>
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Quick replies</CardTitle>
          <CardDescription>Texts agents insert into a reply in the inbox.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <QuickReplyList replies={replies} canEdit={canEdit} />
          {canEdit ? (
            <>
              <Separator />
              <QuickReplyForm readOnly={false} />
            </>
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Message templates</CardTitle>
          <CardDescription>
            Templates Meta has approved for your number: the only messages WhatsApp delivers more
            than 24 hours after a shopper&apos;s last message (cart reminders, for example).
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <TemplateList templates={templates} canEdit={canEdit} />
          {canEdit ? (
            <>
              <Separator />
              <TemplateForm readOnly={false} />
            </>
          ) : null}
        </CardContent>
      </Card>
      <Card id="order-templates">
        <CardHeader>
          <CardTitle>{t.orderTemplates.title}</CardTitle>
          <CardDescription>{t.orderTemplates.description}</CardDescription>
        </CardHeader>
        <CardContent>
          <OrderTemplatesForm
            t={t.orderTemplates}
            mapping={readOrderTemplates(store.settings)}
            templateNames={utilityNames}
            readOnly={!canEdit}
          />
        </CardContent>
      </Card>
    </div>
  );
}
