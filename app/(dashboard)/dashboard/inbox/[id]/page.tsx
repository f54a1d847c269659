import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/inbox/auto-refresh";
import { CartPanel } from "@/components/inbox/cart-panel";
import { ConversationList } from "@/components/inbox/conversation-list";
import { ConversationView } from "@/components/inbox/conversation-view";
import { InboxSplit } from "@/components/inbox/inbox-split";
import { InboxLoyaltyPanel } from "@/components/loyalty/inbox-loyalty-panel";
import { SendPaymentLink } from "@/components/inbox/send-payment-link";
import { requireMember } from "@/lib/auth/current-member";
import { listActiveProducts } from "@/lib/catalog/products";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { loadConversationCart } from "@/lib/inbox/cart";
import { listConversations } from "@/lib/inbox/conversations";
import { inboxSearchSchema } from "@/lib/inbox/filters";
import { listMessageTemplates, listQuickReplies } from "@/lib/inbox/snippets";
import { loyaltySummary } from "@/lib/loyalty/inbox-summary";
import { getThread, markConversationRead } from "@/lib/inbox/thread";
import { serviceWindowEndsAt } from "@/lib/whatsapp/send-policy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getDashboardStrings()).t.inboxView.conversationTitle };
}

export default async function ConversationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, store, userId } = await requireMember();
  const { id } = await params;
  // The split view's list (wide screens): the filter the agent came from.
  const search = inboxSearchSchema.parse((await searchParams) ?? {});
  const thread = await getThread(db, store.id, id);
  if (!thread) notFound();
  const [quickReplies, templates, conversations, , cart, products, strings, loyalty] =
    await Promise.all([
      listQuickReplies(db, store.id),
      listMessageTemplates(db, store.id),
      listConversations(db, store.id, search),
      markConversationRead(db, store.id, id),
      loadConversationCart(db, store.id, id),
      listActiveProducts(db, store.id),
      getDashboardStrings(),
      loyaltySummary(db, store.id, thread.customer.id, new Date()),
    ]);
  const windowEndsAt = serviceWindowEndsAt(thread.customer.lastInboundAt, new Date());
  const { errors: linkErrors, ...linkWords } = strings.t.inbox.sendLink;
  const t = strings.t.inboxView;
  const paymentLink = (
    <SendPaymentLink
      conversationId={thread.conversation.id}
      products={products.map((product) => ({
        id: product.id,
        name: product.name,
        price: strings.format.money(product.priceMinor, product.currency),
        quantityLabel: formatMessage(linkWords.quantity, { product: product.name }),
      }))}
      disabledReason={
        thread.conversation.status === "closed"
          ? linkErrors.closed
          : windowEndsAt === null
            ? linkErrors.outside_window
            : null
      }
      words={linkWords}
    />
  );
  const list = (
    <ConversationList
      conversations={conversations}
      timezone={store.timezone}
      now={new Date()}
      search={search}
      activeId={id}
      t={t}
      language={strings.language}
      sources={strings.t.sources}
    />
  );
  return (
    <InboxSplit list={list} listLabel={t.splitListLabel}>
      <AutoRefresh />
      <ConversationView
        thread={thread}
        windowEndsAt={windowEndsAt}
        quickReplies={quickReplies}
        templates={templates}
        currentUserId={userId}
        timezone={store.timezone}
        cartPanel={
          <>
            <CartPanel cart={cart} t={t.cart} language={strings.language} />
            <InboxLoyaltyPanel summary={loyalty} strings={strings} />
          </>
        }
        strings={strings}
        paymentLink={paymentLink}
      />
    </InboxSplit>
  );
}
