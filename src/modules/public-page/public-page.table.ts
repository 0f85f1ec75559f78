import { boolean, integer, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { organizations } from '../org/org.table.ts';

/** Whether an organization's year has a public ITA page at /public/<slug>/<year> (off by default). */
export const publicPages = pgTable(
  'public_pages',
  {
    orgId: integer('org_id').notNull().references(() => organizations.id),
    year: integer('year').notNull(),
    published: boolean('published').notNull().default(false),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);
