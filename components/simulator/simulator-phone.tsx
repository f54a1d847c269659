import { FlaskConical } from "lucide-react";
import Link from "next/link";
import { Message } from "@/components/dashboard/message";
import type { DashboardLanguage } from "@/lib/dashboard-i18n/languages";
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import type { SimulatorThread } from "@/lib/simulator/thread";
import { cn } from "@/lib/utils";
import { CHAT_WALLPAPER } from "./bubble-styles";
import { Composer } from "./composer";
import { MessageBubble } from "./message-bubble";
import { ThreadRefresher } from "./thread-refresher";
import { ThreadViewport } from "./thread-viewport";

/** A phone-like chat with the store, where a dashboard member plays the shopper. */
export function SimulatorPhone({
  storeName,
  timezone,
  waId,
  thread,
  profileName,
  initialText,
  t,
  language,
}: {
  storeName: string;
  timezone: string;
  waId: string;
  thread: SimulatorThread;
  profileName: string;
  initialText: string;
  t: DashboardMessages["simulator"];
  language: DashboardLanguage;
}) {
  const timeFormat = new Intl.DateTimeFormat(language === "en" ? "en-GB" : language, {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: timezone,
  });
  return (
    <section
      aria-label={t.phone}
      data-testid="simulator-phone"
      className={cn(
        "mx-auto flex h-[min(44rem,80svh)] w-full max-w-sm flex-col overflow-hidden rounded-[2rem] border-8 border-zinc-900 shadow-xl dark:border-zinc-700",
        CHAT_WALLPAPER,
      )}
    >
      <header className="bg-[#075e54] px-4 py-3 text-white">
        <p className="font-medium">{storeName}</p>
        <p className="text-xs text-white/80">{formatMessage(t.youAre, { waId })}</p>
      </header>
      <p
        data-testid="sandbox-label"
        className="flex items-center justify-center gap-1.5 bg-amber-100 px-3 py-1.5 text-center text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200"
      >
        <FlaskConical className="size-3.5" aria-hidden />
        {t.sandbox}
      </p>
      <ThreadViewport messageCount={thread.messages.length}>
        {thread.messages.length === 0 ? (
          <p className="mx-auto max-w-60 rounded-lg bg-white/80 px-3 py-2 text-center text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
            {t.emptyThread}
          </p>
        ) : (
          <ol className="grid gap-2" data-testid="simulator-thread">
            {thread.messages.map((message) => (
              <MessageBubble
                key={message.id}
                message={message}
                profileName={profileName}
                timeFormat={timeFormat}
                t={t}
              />
            ))}
          </ol>
        )}
      </ThreadViewport>
      {thread.conversationStatus === "agent" ? (
        <p
          data-testid="handed-off"
          className="bg-sky-100 px-3 py-1.5 text-center text-xs text-sky-900 dark:bg-sky-950 dark:text-sky-200"
        >
          <Message
            template={t.waitingForPerson}
            values={{
              inbox: (
                <Link href="/dashboard/inbox" className="font-medium underline">
                  {t.inbox}
                </Link>
              ),
            }}
          />
        </p>
      ) : null}
      <div className="border-t bg-[#f0f2f5] p-3 dark:bg-zinc-900">
        <Composer
          key={initialText}
          initialText={initialText}
          profileName={profileName}
          t={{ shopperName: t.shopperName, message: t.message, send: t.send }}
        />
      </div>
      <ThreadRefresher deliveredIds={thread.deliveredIds} />
    </section>
  );
}
