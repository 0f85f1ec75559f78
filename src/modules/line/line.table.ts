import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { officers, organizations } from '../org/org.table.ts';

/**
 * Durable webhook inbox: each LINE event, keyed by webhookEventId, split from the request the
 * webhook stored before its 200 (line_inbox_request), then processed from here with retries, at
 * most once.
 */
export const lineInbox = pgTable(
  'line_inbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    webhookEventId: text('webhook_event_id').notNull().unique(),
    destination: text('destination'),
    event: jsonb('event').notNull(),
    /** pending → done | failed (after the last retry). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /**
     * The answer, stored (after the event's effects, before any reply goes) so that a retry after
     * a crash sends the same answer instead of working it out again; with `reply_started_at`, a
     * retry knows a reply may have gone and does not push it a second time (issue 10.3). Dropped
     * once the event is done (line_message_log keeps what was sent).
     */
    answer: jsonb('answer'),
    replyStartedAt: timestamp('reply_started_at', { withTimezone: true }),
  },
  // fillfactor 50 (migration 0013, which drizzle's table config cannot express): room on each
  // page for the HOT updates of the claim and the stored answer.
  (t) => [
    // Only handled rows (the purge's scan): the split, which stores pending rows, does not touch
    // it. Each index on this table costs every stored event an index entry and its WAL, which the
    // worker's split pays for (bench:webhook's worker alone); so no index for the pending rows'
    // due times either: the claim reads them through line_inbox_pending.
    index('line_inbox_processed').on(t.processedAt).where(sql`${t.status} in ('done', 'failed')`),
    // The worker's claim (oldest pending first): without it, the scan by id walks past every
    // handled row still kept (INBOX_RETENTION_DAYS) before the first pending one (19 ms a claim
    // behind 90,000 handled rows, 0.2 ms with it).
    index('line_inbox_pending').on(t.id).where(sql`${t.status} = 'pending'`),
    // Events that failed for good, for /healthz and the `inbox` command (inbox.repository.ts
    // backlog()): rare rows, so an index the handled rows never enter.
    index('line_inbox_failed').on(t.processedAt).where(sql`${t.status} = 'failed'`),
  ],
);

/**
 * Webhook requests as they were acknowledged, not yet split into inbox events: the webhook's
 * durable write is one row per request, the signed body text as it is (PostgreSQL neither parses
 * it nor indexes its events then: that is what the 200 waits for). A worker splits them into
 * line_inbox rows (oldest first, one worker at a time, deleting them in the same statement), where
 * redeliveries are skipped by their event ids. A body PostgreSQL cannot split is kept here with
 * `failed_at`, never lost.
 */
export const lineInboxRequests = pgTable(
  'line_inbox_request',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** How many events the body holds (the backlog in events, without parsing bodies). */
    events: integer('events').notNull(),
    /** The events' inbox keys, in order, as a JSON array. */
    keys: text('keys').notNull(),
    /** JSON text of an object with `destination` and `events`. */
    body: text('body').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  // The requests set aside (failed_at), for /healthz and the `inbox` command: none in the normal
  // case, so the webhook's insert adds no index entry for it.
  (t) => [index('line_inbox_request_aside').on(t.id).where(sql`${t.failedAt} is not null`)],
);

/** One-time codes that link a LINE user to an officer, or a LINE group to an organization. */
export const lineLinkCodes = pgTable(
  'line_link_codes',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    kind: text('kind').$type<'officer' | 'group'>().notNull(),
    officerId: integer('officer_id').references(() => officers.id),
    codeHash: text('code_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedBy: text('used_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('line_link_codes_org').on(t.orgId)],
);

/** Failed code attempts per LINE source, for rate limiting guesses. */
export const lineLinkAttempts = pgTable(
  'line_link_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sourceId: text('source_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('line_link_attempts_source_at').on(t.sourceId, t.at)],
);

/** A LINE group registered to one organization (the working group's chat). */
export const lineGroups = pgTable('line_groups', {
  id: serial('id').primaryKey(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  groupId: text('group_id').notNull().unique(),
  name: text('name'),
  /** Opt-in: the group receives the organization-wide daily summary. */
  dailySummary: boolean('daily_summary').notNull().default(false),
  active: boolean('active').notNull().default(true),
  /** Members without the bot, from LINE (getGroupMemberCount): a push to the group costs this many messages. */
  memberCount: integer('member_count'),
  memberCountAt: timestamp('member_count_at', { withTimezone: true }),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
});

/**
 * Every message sent (or, in offline mode, recorded instead of sent): what the simulator shows and
 * what an operator reads when someone says "I never got it".
 */
export const lineMessageLog = pgTable(
  'line_message_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: integer('org_id'),
    to: text('to').notNull(),
    via: text('via').$type<'reply' | 'push'>().notNull(),
    messages: jsonb('messages').notNull(),
    offline: boolean('offline').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('line_message_log_to').on(t.to, t.id)],
);
