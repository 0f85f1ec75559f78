CREATE TABLE "component_ticks" (
	"assignment_id" integer NOT NULL,
	"component_index" integer NOT NULL,
	"org_id" integer NOT NULL,
	"component_text" text NOT NULL,
	"ticked_by" text NOT NULL,
	"ticked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "component_ticks_assignment_id_component_index_pk" PRIMARY KEY("assignment_id","component_index")
);
--> statement-breakpoint
ALTER TABLE "component_ticks" ADD CONSTRAINT "component_ticks_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "component_ticks" ADD CONSTRAINT "component_ticks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;