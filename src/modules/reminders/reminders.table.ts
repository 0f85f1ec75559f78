import { bigserial, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assignments } from '../assignments/assignments.table.ts';
import { officers, organizations } from '../org/org.table.ts';

/**
 * Planned messages. Planning writes rows under a unique key (recipient × kind × local date), so a
 * reminder can never be planned twice; senders claim rows with FOR UPDATE SKIP LOCKED and send
 * with X-Line-Retry-Key = retry_key, so a resend after a crash is recognised by LINE (409).
 *
 * It is also the delivery log: every message planned keeps its row, with what it costs (LINE
 * meters a push per recipient: a group's members each count), what became of it and why.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    dedupeKey: text('dedupe_key').notNull().unique(),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    officerId: integer('officer_id').references(() => officers.id),
    localDate: date('local_date').notNull(),
    messages: jsonb('messages').notNull(),
    retryKey: uuid('retry_key').notNull(),
    /**
     * pending → sending → sent | failed; expired (planned for a day that passed); merged (its
     * content went inside another message: the daily summary, or a free reply); dropped (over the
     * month's budget, see delivery/budget.ts); held (LINE's monthly limit or our budget is spent).
     */
    status: text('status').notNull().default('pending'),
    /** LINE messages this push costs: 1 per user, a group's member count. */
    cost: integer('cost').notNull().default(1),
    /** Who goes first when the budget is short: 0 review requests, returns, alerts … 5 summaries (budget.ts). */
    priority: smallint('priority').notNull().default(0),
    /** Why it was merged, dropped, held or expired (the delivery log's "why"). */
    note: text('note'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_due').on(t.status, t.nextAttemptAt),
    // A person's messages of a day: what rides on a reply to them (delivery/reply-riders.ts).
    index('outbox_recipient_day').on(t.recipient, t.localDate),
  ],
);

/** "เลื่อน 1 วัน": no reminder for this officer about this assignment until the date. */
export const snoozes = pgTable(
  'snoozes',
  {
    officerId: integer('officer_id').notNull().references(() => officers.id),
    assignmentId: integer('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    until: date('until').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officerId, t.assignmentId] })],
);

/** Per-organization (and optionally per-cycle) overrides of the reminder policy in config. */
export const reminderPolicies = pgTable('reminder_policies', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  cycleId: integer('cycle_id'),
  policy: jsonb('policy').notNull(),
});

/** Public holidays; org_id null means every organization. */
export const holidays = pgTable(
  'holidays',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: integer('org_id'),
    date: date('date').notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('holidays_date').on(t.date)],
);

/** What each recipient's previous daily summary showed, for "what changed since yesterday". */
export const summarySnapshots = pgTable(
  'summary_snapshots',
  {
    recipient: text('recipient').notNull(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    localDate: date('local_date').notNull(),
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recipient, t.localDate] })],
);
