DROP INDEX "orders_store_id_customer_id_paid_at_index";--> statement-breakpoint
DROP INDEX "conversations_store_id_customer_id_created_at_index";--> statement-breakpoint
DROP INDEX "loyalty_ledger_store_id_created_at_index";--> statement-breakpoint
CREATE INDEX "orders_store_id_customer_id_paid_at_covering_index" ON "orders" USING btree ("store_id","customer_id","paid_at","status","currency","total_minor","refunded_minor");--> statement-breakpoint
CREATE INDEX "conversations_store_id_customer_id_created_at_id_index" ON "conversations" USING btree ("store_id","customer_id","created_at","id");--> statement-breakpoint
CREATE INDEX "messages_store_id_direction_created_at_status_index" ON "messages" USING btree ("store_id","direction","created_at","status");--> statement-breakpoint
CREATE INDEX "messages_conversation_id_created_at_covering_index" ON "messages" USING btree ("conversation_id","created_at","direction","author","status","store_id");--> statement-breakpoint
CREATE INDEX "loyalty_ledger_store_id_created_at_covering_index" ON "loyalty_ledger" USING btree ("store_id","created_at","reason","delta");