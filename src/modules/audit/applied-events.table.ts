import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What handling one LINE webhook event changed, one row per effect, written by audit.ts's
 * record() in the effect's own transaction (issue 10.3). The primary key makes a second
 * application of the same effect for the same event impossible: its insert conflicts and the
 * use case's transaction rolls back. A retried event reads these rows to answer "already done"
 * truthfully instead of a refusal. Deleted with the inbox events (INBOX_RETENTION_DAYS).
 */
export const appliedEvents = pgTable(
  'applied_events',
  {
    /** LINE's webhookEventId: unique across LINE, so it is the key whatever the organization. */
    eventId: text('event_id').notNull(),
    /** The audit action and entity, e.g. "evidence.add:assignment:12". */
    step: text('step').notNull(),
    /** The organization the effect belongs to (null: none, e.g. a deployment-wide write). */
    orgId: integer('org_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.step] }), index('applied_events_at').on(t.appliedAt)],
);
