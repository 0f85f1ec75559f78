CREATE TABLE "line_inbox_request" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"events" integer NOT NULL,
	"keys" text NOT NULL,
	"body" text NOT NULL,
	"failed_at" timestamp with time zone,
	"last_error" text
);
