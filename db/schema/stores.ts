import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

export const memberRole = pgEnum("member_role", ["owner", "agent"]);

/** Names of the provider secrets a store can keep, encrypted, in `store_credentials`. */
export const credentialName = pgEnum("credential_name", [
  "whatsapp_access_token",
  "whatsapp_app_secret",
  "stripe_secret_key",
  "stripe_webhook_secret",
  /** What Meta sends as hub.verify_token to a store with its own app (?store=<slug>). */
  "whatsapp_verify_token",
]);

/**
 * Why a store's `whatsappPhoneNumberId` may be trusted: `store_token` — Graph API confirmed the
 * store's own access token can use it; `demo_seed` — the demo seed wrote it (honoured only in
 * development, see lib/whatsapp/phone-number-binding.ts). Null: not trusted (typed before
 * binding existed). Numbers for the platform token are bound in env (WHATSAPP_PHONE_NUMBERS).
 */
export const phoneNumberBinding = pgEnum("phone_number_binding", ["store_token", "demo_seed"]);

export const stores = pgTable("stores", {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  /** E.164, e.g. +15550001234 */
  whatsappNumber: text().notNull(),
  /** Meta's phone-number id; routes incoming webhooks, so it is plain and unique. */
  whatsappPhoneNumberId: text().unique(),
  whatsappPhoneNumberBinding: phoneNumberBinding(),
  /** What Graph API returned as display_phone_number when the binding was checked. */
  whatsappDisplayPhoneNumber: text(),
  /** ISO 4217 */
  currency: text().notNull(),
  /** IANA time zone */
  timezone: text().notNull(),
  defaultLanguage: text().notNull(),
  languages: text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** Feature settings validated by zod in lib/stores (widget, bot, recovery…). */
  settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  /** The last order number handed out (lib/orders takes the next one under this row's lock). */
  lastOrderSequence: integer().notNull().default(10000),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const storeMembers = pgTable(
  "store_members",
  {
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.storeId, table.userId] }), index().on(table.userId)],
);

/** One row per secret. `ciphertext` is AES-256-GCM (lib/crypto); `last4` is all the UI ever sees. */
export const storeCredentials = pgTable(
  "store_credentials",
  {
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    name: credentialName().notNull(),
    ciphertext: text().notNull(),
    last4: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.storeId, table.name] })],
);

export type Store = typeof stores.$inferSelect;
export type NewStore = typeof stores.$inferInsert;
export type StoreMember = typeof storeMembers.$inferSelect;
export type MemberRole = (typeof memberRole.enumValues)[number];
export type CredentialName = (typeof credentialName.enumValues)[number];
export type PhoneNumberBinding = (typeof phoneNumberBinding.enumValues)[number];
