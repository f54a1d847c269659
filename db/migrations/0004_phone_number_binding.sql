CREATE TYPE "public"."phone_number_binding" AS ENUM('store_token', 'demo_seed');--> statement-breakpoint
ALTER TYPE "public"."credential_name" ADD VALUE 'whatsapp_verify_token';--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "whatsapp_phone_number_binding" "phone_number_binding";--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "whatsapp_display_phone_number" text;--> statement-breakpoint
-- Databases seeded before this migration: the demo store keeps its binding (honoured in development only).
UPDATE "stores" SET "whatsapp_phone_number_binding" = 'demo_seed' WHERE "slug" = 'demo' AND "whatsapp_phone_number_id" = '100000000000001';
