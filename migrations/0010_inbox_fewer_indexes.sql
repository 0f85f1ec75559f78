DROP INDEX "line_inbox_due";--> statement-breakpoint
DROP INDEX "line_inbox_processed";--> statement-breakpoint
CREATE INDEX "line_inbox_processed" ON "line_inbox" USING btree ("processed_at") WHERE "line_inbox"."status" in ('done', 'failed');