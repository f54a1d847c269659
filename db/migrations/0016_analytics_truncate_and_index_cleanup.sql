DROP INDEX "messages_conversation_id_created_at_index";--> statement-breakpoint
-- TRUNCATE fires no row trigger, so it notes no change: every store's rollups are forgotten
-- instead (readers compute from the raw rows until the next tick rebuilds them).
CREATE FUNCTION analytics_forget_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analytics_rollup_state;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_forget_on_truncate AFTER TRUNCATE ON orders
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_forget_rollups();
--> statement-breakpoint
CREATE TRIGGER analytics_forget_on_truncate AFTER TRUNCATE ON order_items
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_forget_rollups();
--> statement-breakpoint
CREATE TRIGGER analytics_forget_on_truncate AFTER TRUNCATE ON clicks
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_forget_rollups();
--> statement-breakpoint
CREATE TRIGGER analytics_forget_on_truncate AFTER TRUNCATE ON conversations
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_forget_rollups();
