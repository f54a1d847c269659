import type { ShopperLanguage } from "@/lib/i18n/languages";
import type { InboundContent, OutgoingContent } from "@/lib/whatsapp/content";
import type { MessageStatus } from "@/db/schema";
import { type ConsentState, type DemoBot, tapOptions } from "./chat-bot";
import type { Rng } from "./random";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export type CustomerState = ConsentState & { lastInboundAt: Date | null };

/** A failure as the outbox sender records it: Meta's code and the reason in words. */
export type SendFailureNote = { code: number; reason: string };

/** One message of a demo chat, before it gets its ids. */
export type ChatMessage = {
  direction: "inbound" | "outbound";
  author: "customer" | "bot" | "agent";
  at: number;
  inbound: InboundContent | null;
  outgoing: OutgoingContent | null;
  intent: string | null;
  /** Inbound taps: the message whose button or row was tapped. */
  tapped: ChatMessage | null;
  /** Bot replies: the inbound message they answer, and their position among its replies. */
  replyTo: ChatMessage | null;
  replyIndex: number;
  failure: SendFailureNote | null;
};

export type ChatSetup = {
  language: ShopperLanguage;
  customer: { index: number; name: string };
  /** Shared by the customer's chats, updated as messages are kept. */
  state: CustomerState;
  startAt: number;
  /** Later steps by the shopper or an agent must start before this (the next chat, or now). */
  stepLimit: number;
  /** Replies must be written before this. */
  replyLimit: number;
};

/**
 * Plays one chat through the bot, message by message, stopping before the customer's next
 * chat (a closed conversation before the next one opens) or the demo's "now".
 */
export class ChatRun {
  readonly messages: ChatMessage[] = [];
  status: "bot" | "agent" = "bot";
  handedOffAt: number | null = null;
  /** The last turn ended with the one-time consent question. */
  askedConsent = false;
  stopped = false;
  clock: number;

  constructor(
    private readonly bot: DemoBot,
    private readonly rng: Rng,
    readonly setup: ChatSetup,
  ) {
    this.clock = setup.startAt;
  }

  get language(): ShopperLanguage {
    return this.setup.language;
  }

  /** The first message, always kept: the chat exists because of it. */
  open(text: string, referredProductId: string | null): Promise<boolean> {
    return this.receive({ kind: "text", text }, null, this.setup.startAt, referredProductId);
  }

  async say(text: string, at: number): Promise<boolean> {
    if (!this.allows(at)) return false;
    return this.receive({ kind: "text", text }, null, at, null);
  }

  /** Taps the newest button or row whose id passes `choose`; false when there is none. */
  async tap(choose: (ids: string[]) => string | undefined, at: number): Promise<boolean> {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const message = this.messages[i]!;
      const options = message.outgoing && !message.failure ? tapOptions(message.outgoing) : [];
      const id = choose(options.map((option) => option.id));
      const option = options.find((candidate) => candidate.id === id);
      if (!option) continue;
      if (!this.allows(at)) return false;
      const inbound: InboundContent = { kind: "reply", replyId: option.id, title: option.title };
      return this.receive(inbound, message, at, null);
    }
    return false;
  }

  /** A person's answer, while the chat waits for one. */
  agent(text: string, at: number, failure: SendFailureNote | null = null): boolean {
    if (this.status !== "agent" || !this.allows(at)) return false;
    this.push({
      ...this.blank("outbound", "agent", at),
      outgoing: { type: "text", text },
      failure,
    });
    return true;
  }

  /** `clock` plus a random pause of `min`–`max` seconds. */
  after(minSeconds: number, maxSeconds: number): number {
    return this.clock + this.rng.int(minSeconds * SECOND, maxSeconds * SECOND);
  }

  private allows(at: number): boolean {
    if (this.stopped || at >= this.setup.stepLimit) this.stopped = true;
    return !this.stopped;
  }

  private blank(direction: ChatMessage["direction"], author: ChatMessage["author"], at: number) {
    return {
      direction,
      author,
      at,
      inbound: null,
      outgoing: null,
      intent: null,
      tapped: null,
      replyTo: null,
      replyIndex: 0,
      failure: null,
    } satisfies ChatMessage;
  }

  private push(message: ChatMessage): void {
    this.messages.push(message);
    this.clock = Math.max(this.clock, message.at);
  }

  private async receive(
    inbound: InboundContent,
    tapped: ChatMessage | null,
    at: number,
    referredProductId: string | null,
  ): Promise<boolean> {
    const { state } = this.setup;
    // WhatsApp stamps messages in whole seconds.
    at = wholeSecond(at);
    const received: ChatMessage = { ...this.blank("inbound", "customer", at), inbound, tapped };
    this.push(received);
    state.lastInboundAt = new Date(at);
    const turn = await this.bot({
      language: this.language,
      inbound,
      at: new Date(at),
      customer: this.setup.customer,
      consent: state,
      conversationStatus: this.status,
      referredProductId,
    });
    // The webhook records consent with the message (lib/conversations/customers.ts).
    if (turn.consent === "opt_in")
      Object.assign(state, { optedInAt: new Date(at), optedOutAt: null });
    if (turn.consent === "opt_out")
      Object.assign(state, { optedOutAt: new Date(at), optedInAt: null });
    if (turn.handOff && this.status === "bot") {
      this.status = "agent";
      this.handedOffAt = at + SECOND;
    }
    this.askedConsent = false;
    let replyAt = at + this.rng.int(700, 2200);
    for (const [index, outgoing] of turn.messages.entries()) {
      if (replyAt >= this.setup.replyLimit) {
        this.stopped = true;
        return false;
      }
      const reply = { ...this.blank("outbound", "bot", replyAt), outgoing, intent: turn.intent };
      this.push({ ...reply, replyTo: received, replyIndex: index });
      if (turn.asksConsent && index === turn.messages.length - 1) {
        state.consentAskedAt = new Date(replyAt);
        this.askedConsent = true;
      }
      replyAt += this.rng.int(300, 900);
    }
    return true;
  }
}

function wholeSecond(at: number): number {
  return Math.floor(at / SECOND) * SECOND;
}

export type Delivery = {
  status: MessageStatus;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
};

/**
 * Delivery statuses of one chat's messages, as Meta's status webhooks would have left them:
 * sent, then delivered, then read — read before the shopper's next message, often not at all
 * after the last one — and nothing later than `now`.
 */
export function deliveries(messages: readonly ChatMessage[], rng: Rng, now: number): Delivery[] {
  return messages.map((message, position) => {
    const none = { sentAt: null, deliveredAt: null, readAt: null, failedAt: null };
    if (message.direction === "inbound") return { ...none, status: "received" };
    if (message.failure) {
      return {
        ...none,
        status: "failed",
        // The sender tries within a minute (the next tick) and WhatsApp refuses at once.
        failedAt: new Date(message.at + rng.int(20, 70) * SECOND),
      };
    }
    const next = messages.slice(position + 1).find((later) => later.direction === "inbound");
    // Status webhooks carry whole seconds, like messages.
    const sent = wholeSecond(message.at + rng.int(1000, 2900));
    let delivered = sent + rng.int(0, 4) * SECOND;
    let read: number | null;
    if (next) {
      read = Math.max(delivered, Math.min(delivered + rng.int(1, 60) * SECOND, next.at - SECOND));
    } else {
      const fate = rng.next();
      if (fate < 0.1) delivered += wholeSecond(rng.int(MINUTE, 3 * HOUR)); // the phone was off
      read = fate < 0.8 ? delivered + wholeSecond(Math.exp(rng.between(1.5, 9.5)) * SECOND) : null;
      if (fate > 0.97) delivered = Number.POSITIVE_INFINITY; // still only sent
    }
    const seen = (at: number | null) => (at !== null && at <= now ? new Date(at) : null);
    const sentAt = seen(sent);
    const deliveredAt = sentAt ? seen(delivered) : null;
    const readAt = deliveredAt ? seen(read) : null;
    const status = readAt ? "read" : deliveredAt ? "delivered" : "sent";
    return { ...none, status, sentAt, deliveredAt, readAt };
  });
}
