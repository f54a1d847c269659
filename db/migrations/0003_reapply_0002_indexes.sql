-- 0002 was edited after it was committed (commit 0398d36 added these four indexes to it).
-- Databases migrated with the original 0002 never ran them; on every other database they
-- already exist, so each statement is IF NOT EXISTS. See "Migrations are append-only" in
-- docs/ARCHITECTURE.md and db/migration-repairs.ts.
CREATE INDEX IF NOT EXISTS "conversations_store_id_last_message_at_index" ON "conversations" USING btree ("store_id","last_message_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "messages_customer_id_created_at_index" ON "messages" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "faq_entries_store_id_position_index" ON "faq_entries" USING btree ("store_id","position");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "quick_replies_store_id_index" ON "quick_replies" USING btree ("store_id");
