import { date, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations } from '../org/org.table.ts';

/**
 * Unguessable addresses of an organization's progress chart for one day's summary: a LINE image
 * message needs a public https URL LINE's servers can fetch without logging in. The token is the
 * only key; it is served for SHARE_DAYS.
 */
export const chartShares = pgTable(
  'chart_shares',
  {
    token: text('token').primaryKey(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    year: integer('year').notNull(),
    localDate: date('local_date').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('chart_shares_org_date').on(t.orgId, t.localDate)],
);
