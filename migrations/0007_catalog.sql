CREATE TABLE "catalog_versions" (
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"origin" text NOT NULL,
	"source" text NOT NULL,
	"content_hash" text NOT NULL,
	"item_count" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_versions_year_version_pk" PRIMARY KEY("year","version")
);
--> statement-breakpoint
CREATE TABLE "name_aliases" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"alias" text NOT NULL,
	"alias_key" text NOT NULL,
	"target" text NOT NULL,
	"target_key" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "catalog_items_year_number";--> statement-breakpoint
ALTER TABLE "catalog_sub_indicators" DROP CONSTRAINT "catalog_sub_indicators_year_code_pk";--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "catalogs" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_sub_indicators" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_sub_indicators" ADD CONSTRAINT "catalog_sub_indicators_year_version_code_pk" PRIMARY KEY("year","version","code");--> statement-breakpoint
ALTER TABLE "catalogs" ADD COLUMN "current_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogs" ADD COLUMN "origin" text DEFAULT 'builtin' NOT NULL;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "catalog_version" integer;--> statement-breakpoint
ALTER TABLE "catalog_versions" ADD CONSTRAINT "catalog_versions_year_catalogs_year_fk" FOREIGN KEY ("year") REFERENCES "public"."catalogs"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "name_aliases" ADD CONSTRAINT "name_aliases_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "name_aliases_org_kind_key" ON "name_aliases" USING btree ("org_id","kind","alias_key");--> statement-breakpoint
CREATE INDEX "name_aliases_org" ON "name_aliases" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_items_year_version_number" ON "catalog_items" USING btree ("year","version","number");--> statement-breakpoint
-- Reordered by hand: drizzle-kit emitted the new primary key before the column it uses.
-- Backfill: every catalog loaded so far is its year's version 1, built in.
INSERT INTO "catalog_versions" ("year", "version", "origin", "source", "content_hash", "item_count", "created_by")
SELECT "year", 1, 'builtin', "source", "content_hash", "item_count", 'system' FROM "catalogs";
