CREATE TABLE "analytics_activity_days" (
	"store_id" uuid NOT NULL,
	"day" date NOT NULL,
	"source" text NOT NULL,
	"qr_code_id" uuid,
	"product_id" uuid,
	"currency" text,
	"clicks" integer DEFAULT 0 NOT NULL,
	"chats" integer DEFAULT 0 NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"paid_orders" integer DEFAULT 0 NOT NULL,
	"revenue_minor" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_product_days" (
	"store_id" uuid NOT NULL,
	"day" date NOT NULL,
	"product_id" uuid,
	"currency" text,
	"orders" integer DEFAULT 0 NOT NULL,
	"paid_orders" integer DEFAULT 0 NOT NULL,
	"units" bigint DEFAULT 0 NOT NULL,
	"revenue_minor" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_rollup_state" (
	"store_id" uuid PRIMARY KEY NOT NULL,
	"timezone" text NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analytics_activity_days" ADD CONSTRAINT "analytics_activity_days_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_product_days" ADD CONSTRAINT "analytics_product_days_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_rollup_state" ADD CONSTRAINT "analytics_rollup_state_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_activity_days_store_id_day_index" ON "analytics_activity_days" USING btree ("store_id","day");--> statement-breakpoint
CREATE INDEX "analytics_changes_store_id_at_index" ON "analytics_changes" USING btree ("store_id","at");--> statement-breakpoint
CREATE INDEX "analytics_product_days_store_id_day_index" ON "analytics_product_days" USING btree ("store_id","day");--> statement-breakpoint
-- Every write that can change a daily rollup notes the instants whose store-local day it
-- touched, in the writer's own transaction (lib/analytics/rollup). Row triggers, each a
-- branch per operation: NEW is not assigned in DELETE, nor OLD in INSERT.
CREATE FUNCTION analytics_note_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (OLD.store_id, OLD.status, OLD.currency, OLD.total_minor, OLD.refunded_minor, OLD.created_at,
        OLD.paid_at, OLD.source, OLD.qr_code_id)
       IS NOT DISTINCT FROM
       (NEW.store_id, NEW.status, NEW.currency, NEW.total_minor, NEW.refunded_minor, NEW.created_at,
        NEW.paid_at, NEW.source, NEW.qr_code_id) THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO analytics_changes (store_id, at)
      SELECT OLD.store_id, t FROM unnest(ARRAY[OLD.created_at, OLD.paid_at]) t WHERE t IS NOT NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO analytics_changes (store_id, at)
      SELECT NEW.store_id, t FROM unnest(ARRAY[NEW.created_at, NEW.paid_at]) t WHERE t IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_note_order AFTER INSERT OR UPDATE OR DELETE ON orders
  FOR EACH ROW EXECUTE FUNCTION analytics_note_order();
--> statement-breakpoint
-- An order line counts on its order's creation and payment days.
CREATE FUNCTION analytics_note_order_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (OLD.order_id, OLD.product_id, OLD.quantity, OLD.line_total_minor)
       IS NOT DISTINCT FROM (NEW.order_id, NEW.product_id, NEW.quantity, NEW.line_total_minor) THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO analytics_changes (store_id, at)
      SELECT o.store_id, t FROM orders o, unnest(ARRAY[o.created_at, o.paid_at]) t
      WHERE o.id = OLD.order_id AND t IS NOT NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO analytics_changes (store_id, at)
      SELECT o.store_id, t FROM orders o, unnest(ARRAY[o.created_at, o.paid_at]) t
      WHERE o.id = NEW.order_id AND t IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_note_order_item AFTER INSERT OR UPDATE OR DELETE ON order_items
  FOR EACH ROW EXECUTE FUNCTION analytics_note_order_item();
--> statement-breakpoint
-- Clicks and conversations count on their creation day.
CREATE FUNCTION analytics_note_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (OLD.store_id, OLD.created_at, OLD.source, OLD.qr_code_id, OLD.product_id)
       IS NOT DISTINCT FROM (NEW.store_id, NEW.created_at, NEW.source, NEW.qr_code_id, NEW.product_id) THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO analytics_changes (store_id, at) VALUES (OLD.store_id, OLD.created_at);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO analytics_changes (store_id, at) VALUES (NEW.store_id, NEW.created_at);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_note_click AFTER INSERT OR UPDATE OR DELETE ON clicks
  FOR EACH ROW EXECUTE FUNCTION analytics_note_entry();
--> statement-breakpoint
CREATE TRIGGER analytics_note_conversation AFTER INSERT OR UPDATE OR DELETE ON conversations
  FOR EACH ROW EXECUTE FUNCTION analytics_note_entry();
