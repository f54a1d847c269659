DROP INDEX "webhook_events_processed_at_next_attempt_at_index";--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "wa_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "phone" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "user_id" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "username" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "original_body" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "reaction" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "reacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "lane" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "occurred_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "sequence" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "message_templates" ADD COLUMN "status" text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE "message_templates" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "message_templates" ADD COLUMN "status_updated_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "store_members_user_id_index" ON "store_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "rate_limit_buckets_window_started_at_index" ON "rate_limit_buckets" USING btree ("window_started_at");--> statement-breakpoint
CREATE INDEX "outbox_sent" ON "outbox" USING btree ("sent_at") WHERE sent_at is not null;--> statement-breakpoint
CREATE INDEX "webhook_events_due" ON "webhook_events" USING btree ("next_attempt_at") WHERE processed_at is null and next_attempt_at is not null;--> statement-breakpoint
CREATE INDEX "webhook_events_lane_pending" ON "webhook_events" USING btree ("lane","occurred_at","sequence") WHERE processed_at is null;--> statement-breakpoint
CREATE INDEX "webhook_events_applied" ON "webhook_events" USING btree ("processed_at") WHERE processed_at is not null;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_storeId_userId_unique" UNIQUE("store_id","user_id");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_identified" CHECK (wa_id is not null or user_id is not null);