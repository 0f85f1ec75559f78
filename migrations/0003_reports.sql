CREATE TABLE "evidence_hints" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"assignment_id" integer NOT NULL,
	"url" text NOT NULL,
	"label" text,
	"from_year" integer NOT NULL,
	"from_item_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "link_check_runs" (
	"org_id" integer NOT NULL,
	"local_date" date NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"checked" integer,
	CONSTRAINT "link_check_runs_org_id_local_date_pk" PRIMARY KEY("org_id","local_date")
);
--> statement-breakpoint
CREATE TABLE "link_health" (
	"evidence_id" integer PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"url" text NOT NULL,
	"state" text NOT NULL,
	"http_status" integer,
	"final_url" text,
	"detail" text,
	"checked_at" timestamp with time zone NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "public_pages" (
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "public_pages_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "chart_shares" (
	"token" text PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"local_date" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_hints" ADD CONSTRAINT "evidence_hints_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_hints" ADD CONSTRAINT "evidence_hints_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_check_runs" ADD CONSTRAINT "link_check_runs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_health" ADD CONSTRAINT "link_health_evidence_id_evidence_links_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_health" ADD CONSTRAINT "link_health_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_pages" ADD CONSTRAINT "public_pages_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chart_shares" ADD CONSTRAINT "chart_shares_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_hints_assignment_url" ON "evidence_hints" USING btree ("assignment_id","url");--> statement-breakpoint
CREATE INDEX "evidence_hints_org" ON "evidence_hints" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "link_health_org_state" ON "link_health" USING btree ("org_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "chart_shares_org_date" ON "chart_shares" USING btree ("org_id","local_date");