CREATE TYPE "public"."assignment_status" AS ENUM('not_started', 'in_progress', 'submitted', 'approved', 'returned', 'not_applicable');--> statement-breakpoint
CREATE TYPE "public"."person_role" AS ENUM('preparer', 'supervisor', 'certifier');--> statement-breakpoint
CREATE TYPE "public"."responsibility" AS ENUM('main', 'co');--> statement-breakpoint
CREATE TABLE "officers" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"position" text,
	"unit_id" integer,
	"line_user_id" text,
	"reachable" boolean DEFAULT true NOT NULL,
	"is_admin" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"website_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"parent_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "catalog_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"code" text NOT NULL,
	"indicator" integer NOT NULL,
	"sub_indicator" text NOT NULL,
	"group_title" text NOT NULL,
	"title" text NOT NULL,
	"components" jsonb NOT NULL,
	"notes" jsonb NOT NULL,
	"scoring" text,
	"data_period" text
);
--> statement-breakpoint
CREATE TABLE "catalog_sub_indicators" (
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"indicator" integer NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "catalog_sub_indicators_year_code_pk" PRIMARY KEY("year","code")
);
--> statement-breakpoint
CREATE TABLE "catalogs" (
	"year" integer PRIMARY KEY NOT NULL,
	"item_count" integer NOT NULL,
	"source" text NOT NULL,
	"content_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycles" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"catalog_year" integer NOT NULL,
	"oit_opens_on" date,
	"oit_closes_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_people" (
	"assignment_id" integer NOT NULL,
	"officer_id" integer NOT NULL,
	"role" "person_role" NOT NULL,
	"org_id" integer NOT NULL,
	CONSTRAINT "assignment_people_assignment_id_officer_id_role_pk" PRIMARY KEY("assignment_id","officer_id","role")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"cycle_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"responsibility" "responsibility" DEFAULT 'main' NOT NULL,
	"due_on" date,
	"status" "assignment_status" DEFAULT 'not_started' NOT NULL,
	"status_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"assignment_id" integer NOT NULL,
	"url" text NOT NULL,
	"label" text,
	"added_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_year_catalogs_year_fk" FOREIGN KEY ("year") REFERENCES "public"."catalogs"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_sub_indicators" ADD CONSTRAINT "catalog_sub_indicators_year_catalogs_year_fk" FOREIGN KEY ("year") REFERENCES "public"."catalogs"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_catalog_year_catalogs_year_fk" FOREIGN KEY ("catalog_year") REFERENCES "public"."catalogs"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_people" ADD CONSTRAINT "assignment_people_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_people" ADD CONSTRAINT "assignment_people_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_people" ADD CONSTRAINT "assignment_people_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "officers_org_name_key" ON "officers" USING btree ("org_id","name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "officers_org_line_user" ON "officers" USING btree ("org_id","line_user_id");--> statement-breakpoint
CREATE INDEX "officers_line_user" ON "officers" USING btree ("line_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_org_name_key" ON "units" USING btree ("org_id","name_key");--> statement-breakpoint
CREATE INDEX "api_tokens_org" ON "api_tokens" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_items_year_number" ON "catalog_items" USING btree ("year","number");--> statement-breakpoint
CREATE UNIQUE INDEX "cycles_org_year" ON "cycles" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "assignment_people_officer" ON "assignment_people" USING btree ("officer_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_cycle_item_unit" ON "assignments" USING btree ("cycle_id","item_id","unit_id");--> statement-breakpoint
CREATE INDEX "assignments_org_status" ON "assignments" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "evidence_links_assignment" ON "evidence_links" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "audit_log_org_at" ON "audit_log" USING btree ("org_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity" ON "audit_log" USING btree ("entity","entity_id");