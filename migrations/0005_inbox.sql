ALTER TABLE "line_inbox" ADD COLUMN "answer" jsonb;--> statement-breakpoint
ALTER TABLE "line_inbox" ADD COLUMN "reply_started_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "line_inbox_processed" ON "line_inbox" USING btree ("status","processed_at");--> statement-breakpoint
CREATE INDEX "outbox_recipient_day" ON "outbox" USING btree ("recipient","local_date");