import type { Metadata } from "next";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getDashboardStrings()).t.bot.title };
}

export default async function BotPage() {
  const { db, store, role } = await requireMember();
  const [faqs, replies, templates] = await Promise.all([
    listFaqEntries(db, store.id),
    listQuickReplies(db, store.id),
    listMessageTemplates(db, store.id),
  ]);
  const canEdit = role === "owner";
  const { t, language } = await getDashboardStrings();
  const words = t.bot;
  const deleteWords = {
    delete: words.delete,
    deleting: words.deleting,
    deleteLabel: words.deleteLabel,
  };
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
        <h1 className="text-2xl font-semibold tracking-tight">{words.title}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          {words.intro}
          {/* Japanese runs sentences together; English puts a space between them. */}
          {canEdit ? "" : `${language === "ja" ? "" : " "}${words.ownerOnly}`}
        </p>
        <p className="mt-2 text-sm" data-testid="business-hours-link">
          {hoursEnabled ? words.hours.on : words.hours.off}{" "}
          <a
            href="/dashboard/settings#hours"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            {words.hours.edit}
          </a>
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{words.greeting.title}</CardTitle>
          <CardDescription>{words.greeting.description}</CardDescription>
        </CardHeader>
        <CardContent>
          <GreetingsForm
            greetings={readGreetings(store.settings)}
            readOnly={!canEdit}
            t={words.greeting}
            saving={t.forms.saving}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{words.faq.title}</CardTitle>
          <CardDescription>{words.faq.description}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <FaqList
            entries={faqs}
            canEdit={canEdit}
            t={{ ...deleteWords, faq: words.faq }}
            saving={t.forms.saving}
          />
          {canEdit ? (
            <>
              <Separator />
              <div className="grid gap-4">
                <h2 className="font-medium">{words.newQuestion}</h2>
                <FaqForm readOnly={false} t={words.faq} saving={t.forms.saving} />
              </div>
            </>
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{words.quickReplies.title}</CardTitle>
          <CardDescription>{words.quickReplies.description}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <QuickReplyList
            replies={replies}
            canEdit={canEdit}
            t={{ ...deleteWords, empty: words.quickReplies.empty }}
          />
          {canEdit ? (
            <>
              <Separator />
              <QuickReplyForm readOnly={false} t={words.quickReplies} saving={t.forms.saving} />
            </>
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{words.templates.title}</CardTitle>
          <CardDescription>{words.templates.description}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <TemplateList
            templates={templates}
            canEdit={canEdit}
            t={{ ...deleteWords, templates: words.templates }}
          />
          {canEdit ? (
            <>
              <Separator />
              <TemplateForm
                readOnly={false}
                t={{ ...words.templates, problems: words.errors }}
                saving={t.forms.saving}
              />
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
