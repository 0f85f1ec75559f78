ALTER TYPE "public"."assignment_status" ADD VALUE 'checked' BEFORE 'approved';--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "review_steps" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "status_by" text;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "submitted_by" text;--> statement-breakpoint
-- Backfill (issue 10.1): who submitted, and who made the current status, from the audit log, so
-- an item submitted before this migration cannot be approved by whoever submitted it.
UPDATE "assignments" a SET "submitted_by" = (
  SELECT l."actor" FROM "audit_log" l
  WHERE l."entity" = 'assignment' AND l."entity_id" = a."id"::text AND l."action" = 'assignment.submit'
  ORDER BY l."id" DESC LIMIT 1
) WHERE a."status" <> 'not_started';--> statement-breakpoint
UPDATE "assignments" a SET "status_by" = (
  SELECT l."actor" FROM "audit_log" l
  WHERE l."entity" = 'assignment' AND l."entity_id" = a."id"::text AND l."action" LIKE 'assignment.%'
  ORDER BY l."id" DESC LIMIT 1
) WHERE a."status" <> 'not_started';
