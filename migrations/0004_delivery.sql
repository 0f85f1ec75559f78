CREATE TABLE "delivery_notices" (
	"key" text NOT NULL,
	"officer_id" integer NOT NULL,
	"told_at" timestamp with time zone NOT NULL,
	CONSTRAINT "delivery_notices_key_officer_id_pk" PRIMARY KEY("key","officer_id")
);
--> statement-breakpoint
CREATE TABLE "delivery_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"held_since" timestamp with time zone,
	"held_until" timestamp with time zone,
	"held_reason" text,
	"quota_limit" integer,
	"quota_used" integer,
	"quota_read_at" timestamp with time zone,
	"sent_cost_at_read" integer,
	"sent_month" text,
	"sent_cost" integer DEFAULT 0 NOT NULL,
	"month" text,
	"level" text,
	"forecast" jsonb,
	"forecast_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "line_groups" ADD COLUMN "member_count" integer;--> statement-breakpoint
ALTER TABLE "line_groups" ADD COLUMN "member_count_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "cost" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "priority" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "delivery_notices" ADD CONSTRAINT "delivery_notices_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Backfill (appended by hand before landing): rows planned before this migration get the priority
-- the planner now gives their kind (delivery/budget.ts PRIORITY); reminders as "overdue", the middle class.
UPDATE "outbox" SET "priority" = CASE "kind" WHEN 'summary' THEN 5 WHEN 'reminder' THEN 3 WHEN 'escalation' THEN 1 ELSE 0 END;
