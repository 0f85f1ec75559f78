CREATE TABLE "applied_events" (
	"event_id" text NOT NULL,
	"step" text NOT NULL,
	"org_id" integer,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"applied_at" timestamp with time zone NOT NULL,
	CONSTRAINT "applied_events_event_id_step_pk" PRIMARY KEY("event_id","step")
);
--> statement-breakpoint
CREATE INDEX "applied_events_at" ON "applied_events" USING btree ("applied_at");