import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/inbox/auto-refresh";
import { CartPanel } from "@/components/inbox/cart-panel";
import { ConversationView } from "@/components/inbox/conversation-view";
import { requireMember } from "@/lib/auth/current-member";
import { loadConversationCart } from "@/lib/inbox/cart";
import { listMessageTemplates, listQuickReplies } from "@/lib/inbox/snippets";
import { getThread, markConversationRead } from "@/lib/inbox/thread";
import { serviceWindowEndsAt } from "@/lib/whatsapp/send-policy";

export const metadata: Metadata = { title: "Conversation" };

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, store, userId } = await requireMember();
  const { id } = await params;
  const thread = await getThread(db, store.id, id);
  if (!thread) notFound();
  const [quickReplies, templates, , cart] = await Promise.all([
    listQuickReplies(db, store.id),
    listMessageTemplates(db, store.id),
    markConversationRead(db, store.id, id),
    loadConversationCart(db, store.id, id),
  ]);
  return (
    <>
      <AutoRefresh />
      <ConversationView
        thread={thread}
        windowEndsAt={serviceWindowEndsAt(thread.customer.lastInboundAt, new Date())}
        quickReplies={quickReplies}
        templates={templates}
        currentUserId={userId}
        timezone={store.timezone}
        cartPanel={<CartPanel cart={cart} />}
      />
    </>
  );
}
