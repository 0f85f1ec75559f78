import { date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { evidenceLinks } from '../assignments/assignments.table.ts';
import { organizations } from '../org/org.table.ts';

/**
 * The latest check of each evidence link. `since` is when the state last changed; `notifiedAt`
 * is set when the preparers were told it broke, and cleared when it works again, so a link that
 * breaks tells them once per breakage. A check never touches the assignment's status.
 */
export const linkHealth = pgTable(
  'link_health',
  {
    evidenceId: integer('evidence_id').primaryKey().references(() => evidenceLinks.id, { onDelete: 'cascade' }),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    url: text('url').notNull(),
    /** ok | moved | broken | server_error | timeout | dns_failure | unreachable | unsafe */
    state: text('state').notNull(),
    httpStatus: integer('http_status'),
    finalUrl: text('final_url'),
    detail: text('detail'),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    since: timestamp('since', { withTimezone: true }).notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [index('link_health_org_state').on(t.orgId, t.state)],
);

/** One scheduled check per organization and Bangkok day, whichever instance gets there first. */
export const linkCheckRuns = pgTable(
  'link_check_runs',
  {
    orgId: integer('org_id').notNull().references(() => organizations.id),
    localDate: date('local_date').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    checked: integer('checked'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.localDate] })],
);
