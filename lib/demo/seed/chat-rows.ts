import "server-only";
import { getTableColumns, sql, type Table } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { summarizeOutgoing } from "@/lib/whatsapp/content";
import type { Database } from "@/db/drivers";
import { conversations, messages, type NewMessage } from "@/db/schema";
import { type ChatMessage, type ChatRun, type CustomerState, deliveries } from "./chat-run";
import type { DemoConversationInput } from "./conversations";
import type { Rng } from "./random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A customer's latest chat stays open this long after its last message; older ones are closed. */
const OPEN_FOR = 14 * DAY;

type NewConversation = typeof conversations.$inferInsert;

export type DemoChatIds = {
  storeId: string;
  /** Parallel to DemoHistory.customers, DEMO_PRODUCTS, the planned clicks, QR codes and DEMO_FAQS. */
  customerIds: readonly string[];
  productIds: readonly string[];
  clickIds: readonly string[];
  qrCodeIds: readonly string[];
  faqIds: readonly string[];
  /** The people who answer handed-off chats. */
  agentUserIds: readonly string[];
  newId(kind: "conversation" | "message", key: number): string;
};

export type ChatRecord = {
  chatIndex: number;
  clickIndex: number | null;
  run: ChatRun;
  /** When the customer's next chat starts (Infinity for their latest). */
  next: number;
  agentUser: string;
};

export type DemoChatRows = {
  conversations: NewConversation[];
  messages: NewMessage[];
  /** Parallel to DemoHistory.customers: consent and last inbound message, as the chats left them. */
  customers: CustomerState[];
};

function conversationRow(
  rng: Rng,
  record: ChatRecord,
  input: DemoConversationInput,
  ids: DemoChatIds,
): NewConversation {
  const { run, next } = record;
  const now = input.now.getTime();
  const chat = input.history.chats[record.chatIndex]!;
  const click = record.clickIndex === null ? null : input.clicks[record.clickIndex]!;
  const lastMessageAt = Math.max(...run.messages.map((message) => message.at));
  const open = next === Number.POSITIVE_INFINITY && lastMessageAt >= now - OPEN_FOR;
  const status = open ? run.status : "closed";
  const lastAnswer = run.messages.findLastIndex((message) => message.author !== "customer");
  const unanswered = run.messages.filter(
    (message, i) => message.direction === "inbound" && i > lastAnswer,
  ).length;
  const inbound = run.messages.filter((message) => message.direction === "inbound").length;
  return {
    id: ids.newId("conversation", record.chatIndex),
    storeId: ids.storeId,
    customerId: ids.customerIds[chat.customer]!,
    status,
    source: chat.source,
    clickId: record.clickIndex === null ? null : ids.clickIds[record.clickIndex],
    productId: click?.product == null ? null : ids.productIds[click.product],
    qrCodeId: click?.qrCode == null ? null : ids.qrCodeIds[click.qrCode],
    language: run.language,
    // What the store has not looked at: nothing in closed chats, the recent ones in open chats.
    unreadCount:
      status === "agent" ? unanswered : status === "bot" && lastMessageAt > now - DAY ? inbound : 0,
    lastMessageAt: new Date(lastMessageAt),
    handedOffAt: run.handedOffAt === null ? null : new Date(run.handedOffAt),
    closedAt:
      status === "closed"
        ? new Date(Math.min(lastMessageAt + rng.int(2 * HOUR, 30 * HOUR), next - 1000, now))
        : null,
    labels: [],
    createdAt: chat.at,
  };
}

/** Row values for the planned chats: conversations, messages with wamids, delivery statuses. */
export function chatRows(
  rng: Rng,
  records: readonly ChatRecord[],
  customers: CustomerState[],
  input: DemoConversationInput,
  ids: DemoChatIds,
): DemoChatRows {
  const now = input.now.getTime();
  const conversationRows: NewConversation[] = [];
  const messageRows: NewMessage[] = [];
  const wamids = new Map<ChatMessage, string | null>();
  let serial = 0;
  for (const record of records) {
    const chatRng = rng.fork(`chat:${record.chatIndex}`);
    const conversation = conversationRow(chatRng, record, input, ids);
    conversationRows.push(conversation);
    const statuses = deliveries(record.run.messages, chatRng, now);
    record.run.messages.forEach((message, position) => {
      const id = ids.newId("message", ++serial);
      // A send WhatsApp refused never got a message id.
      const wamid = message.failure ? null : `wamid.DEMO.${serial}`;
      wamids.set(message, wamid);
      const inReplyTo = message.replyTo ? wamids.get(message.replyTo) : null;
      const base = {
        id,
        storeId: ids.storeId,
        conversationId: conversation.id!,
        customerId: conversation.customerId,
        direction: message.direction,
        author: message.author,
        waMessageId: wamid,
        intent: message.intent,
        errorCode: message.failure?.code ?? null,
        errorReason: message.failure?.reason ?? null,
        ...statuses[position]!,
        createdAt: new Date(message.at),
      } satisfies Partial<NewMessage>;
      if (message.inbound) {
        const tapped = message.tapped ? (wamids.get(message.tapped) ?? null) : null;
        const { inbound } = message;
        messageRows.push({
          ...base,
          type: inbound.kind === "reply" ? "interactive" : "text",
          body:
            inbound.kind === "reply" ? inbound.title : inbound.kind === "text" ? inbound.text : "",
          content: { ...inbound, referral: null, contextWamid: tapped },
        });
      } else if (message.outgoing) {
        messageRows.push({
          ...base,
          type: message.outgoing.type,
          body: summarizeOutgoing(message.outgoing),
          content: message.outgoing,
          dedupeKey:
            message.author === "agent" ? `agent:${id}` : `reply:${inReplyTo}:${message.replyIndex}`,
          agentUserId: message.author === "agent" ? record.agentUser : null,
        });
      }
    });
  }
  return { conversations: conversationRows, messages: messageRows, customers };
}

const JSON_CHUNK_ROWS = 2000;

/**
 * Inserts rows as one jsonb parameter per chunk (`jsonb_populate_recordset`): the database
 * parses them, where building a statement with a parameter per value would cost the seed
 * seconds of CPU for the demo's thousands of messages. Missing keys would be NULL, not the
 * column default, so a NOT NULL column without a value is refused here.
 */
export async function insertAsJson(
  db: Database,
  table: Table,
  rows: readonly Record<string, unknown>[],
) {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    name: toSnakeCase(key),
    required: column.notNull,
  }));
  for (let start = 0; start < rows.length; start += JSON_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + JSON_CHUNK_ROWS).map((row) =>
      Object.fromEntries(
        columns.map(({ key, name, required }) => {
          const value = row[key] ?? null;
          if (value === null && required) throw new Error(`No value for ${name}`);
          return [name, value];
        }),
      ),
    );
    await db.execute(
      sql`insert into ${table} select * from jsonb_populate_recordset(null::${table}, ${JSON.stringify(chunk)}::jsonb)`,
    );
  }
}

export async function insertChatRows(db: Database, rows: DemoChatRows): Promise<void> {
  await insertAsJson(db, conversations, rows.conversations);
  await insertAsJson(db, messages, rows.messages);
}
