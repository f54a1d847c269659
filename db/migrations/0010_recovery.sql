CREATE TYPE "public"."recovery_status" AS ENUM('active', 'recovered', 'stopped', 'lost');--> statement-breakpoint
CREATE TYPE "public"."recovery_step_status" AS ENUM('scheduled', 'waiting', 'sent', 'skipped', 'cancelled');--> statement-breakpoint
CREATE TABLE "recoveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"cart_id" uuid,
	"order_id" uuid,
	"status" "recovery_status" DEFAULT 'active' NOT NULL,
	"stop_reason" text,
	"abandoned_at" timestamp with time zone NOT NULL,
	"value_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"recovered_order_id" uuid,
	"recovered_step" smallint,
	"recovered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_programs" (
	"store_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"recovery_id" uuid NOT NULL,
	"step" smallint NOT NULL,
	"status" "recovery_step_status" DEFAULT 'scheduled' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"reason" text,
	"channel" text,
	"message_id" uuid,
	"incentive" jsonb,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recovery_steps_recoveryId_step_unique" UNIQUE("recovery_id","step")
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "recovery_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "recovery_step" smallint;--> statement-breakpoint
ALTER TABLE "recoveries" ADD CONSTRAINT "recoveries_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recoveries" ADD CONSTRAINT "recoveries_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recoveries" ADD CONSTRAINT "recoveries_cart_id_carts_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."carts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recoveries" ADD CONSTRAINT "recoveries_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recoveries" ADD CONSTRAINT "recoveries_recovered_order_id_orders_id_fk" FOREIGN KEY ("recovered_order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_programs" ADD CONSTRAINT "recovery_programs_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_programs" ADD CONSTRAINT "recovery_programs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_steps" ADD CONSTRAINT "recovery_steps_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_steps" ADD CONSTRAINT "recovery_steps_recovery_id_recoveries_id_fk" FOREIGN KEY ("recovery_id") REFERENCES "public"."recoveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_steps" ADD CONSTRAINT "recovery_steps_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recoveries_active_cart" ON "recoveries" USING btree ("cart_id") WHERE status = 'active' and cart_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "recoveries_active_order" ON "recoveries" USING btree ("order_id") WHERE status = 'active' and order_id is not null;--> statement-breakpoint
CREATE INDEX "recoveries_store_id_abandoned_at_index" ON "recoveries" USING btree ("store_id","abandoned_at");--> statement-breakpoint
CREATE INDEX "recoveries_store_id_customer_id_created_at_index" ON "recoveries" USING btree ("store_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "recovery_steps_due" ON "recovery_steps" USING btree ("due_at") WHERE status in ('scheduled', 'waiting');