CREATE TYPE "public"."loyalty_reason" AS ENUM('signup', 'earn', 'redeem', 'redeem_return', 'reversal', 'expire', 'birthday', 'tier_reward', 'first_order', 'adjust');--> statement-breakpoint
CREATE TABLE "loyalty_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"invited_at" timestamp with time zone,
	"joined_at" timestamp with time zone,
	"balance" integer DEFAULT 0 NOT NULL,
	"tier" text DEFAULT 'member' NOT NULL,
	"tier_review_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone,
	"birthday_month" smallint,
	"birthday_day" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_accounts_storeId_customerId_unique" UNIQUE("store_id","customer_id"),
	CONSTRAINT "loyalty_accounts_birthday" CHECK ((birthday_month is null and birthday_day is null) or (birthday_month between 1 and 12 and birthday_day between 1 and 31))
);
--> statement-breakpoint
CREATE TABLE "loyalty_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"delta" integer NOT NULL,
	"reason" "loyalty_reason" NOT NULL,
	"order_id" uuid,
	"cause_key" text NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"adjusted_by" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_ledger_storeId_causeKey_unique" UNIQUE("store_id","cause_key"),
	CONSTRAINT "loyalty_ledger_delta_not_zero" CHECK (delta <> 0)
);
--> statement-breakpoint
CREATE TABLE "loyalty_programs" (
	"store_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "loyalty_accounts" ADD CONSTRAINT "loyalty_accounts_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_accounts" ADD CONSTRAINT "loyalty_accounts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_account_id_loyalty_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."loyalty_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_adjusted_by_users_id_fk" FOREIGN KEY ("adjusted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_programs" ADD CONSTRAINT "loyalty_programs_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_programs" ADD CONSTRAINT "loyalty_programs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "loyalty_accounts_store_id_joined_at_index" ON "loyalty_accounts" USING btree ("store_id","joined_at");--> statement-breakpoint
CREATE INDEX "loyalty_accounts_store_id_last_activity_at_index" ON "loyalty_accounts" USING btree ("store_id","last_activity_at");--> statement-breakpoint
CREATE INDEX "loyalty_ledger_account_id_created_at_index" ON "loyalty_ledger" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "loyalty_ledger_account_id_available_at_index" ON "loyalty_ledger" USING btree ("account_id","available_at");--> statement-breakpoint
CREATE INDEX "loyalty_ledger_store_id_created_at_index" ON "loyalty_ledger" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE INDEX "loyalty_ledger_order_id_index" ON "loyalty_ledger" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "orders_pending_expiry" ON "orders" USING btree ("expires_at") WHERE status = 'pending' and expires_at is not null;