import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { officers } from '../org/org.table.ts';

/**
 * The LINE channel's delivery state: one row (id 1), since a deployment sends through one
 * Messaging API channel whatever the number of organizations on it.
 *
 * - `held_*`: pushes are stopped until `held_until` (the 1st of next month, Asia/Bangkok) because
 *   LINE answered "You have reached your monthly limit." or our own budget is spent; every
 *   instance reads it before sending.
 * - `quota_*`: what LINE said the last time we asked (getMessageQuota / getMessageQuotaConsumption).
 * - `level` / `forecast`: how far the planner cuts back this month (budget.ts) and the forecast
 *   it decided that from, refreshed once a day and by `quota`.
 * - `sent_*`: what we pushed this month (cost, i.e. recipients), counted by the sender in the same
 *   statement that marks rows sent (outbox.repository.ts markSent), so reading it is one row.
 */
export const deliveryState = pgTable('delivery_state', {
  id: integer('id').primaryKey(),
  heldSince: timestamp('held_since', { withTimezone: true }),
  heldUntil: timestamp('held_until', { withTimezone: true }),
  heldReason: text('held_reason').$type<'monthly_limit' | 'budget'>(),
  quotaLimit: integer('quota_limit'),
  quotaUsed: integer('quota_used'),
  quotaReadAt: timestamp('quota_read_at', { withTimezone: true }),
  /** Our own `sent_cost` when LINE was read: what we sent since is added to LINE's figure. */
  sentCostAtRead: integer('sent_cost_at_read'),
  sentMonth: text('sent_month'),
  sentCost: integer('sent_cost').notNull().default(0),
  month: text('month'),
  level: text('level'),
  forecast: jsonb('forecast'),
  forecastAt: timestamp('forecast_at', { withTimezone: true }),
});

/** Who was told about a hold (key `hold:<held_since>`), so each organization admin is told once. */
export const deliveryNotices = pgTable(
  'delivery_notices',
  {
    key: text('key').notNull(),
    officerId: integer('officer_id').notNull().references(() => officers.id),
    toldAt: timestamp('told_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.officerId] })],
);
