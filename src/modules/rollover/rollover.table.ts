import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { assignments } from '../assignments/assignments.table.ts';
import { organizations } from '../org/org.table.ts';

/**
 * Last year's evidence links carried onto a rolled-over assignment as hints ("where it was last
 * year"), never as evidence: the item starts again from not started and needs this year's links.
 */
export const evidenceHints = pgTable(
  'evidence_hints',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    assignmentId: integer('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    label: text('label'),
    fromYear: integer('from_year').notNull(),
    fromItemCode: text('from_item_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('evidence_hints_assignment_url').on(t.assignmentId, t.url), index('evidence_hints_org').on(t.orgId)],
);
