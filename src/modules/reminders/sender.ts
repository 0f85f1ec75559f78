import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { msg } from '../../messages/index.ts';
import type { Clock } from '../../shared/clock.ts';
import { keepsNotices, PRIORITY } from '../delivery/budget.ts';
import type { DeliveryService, Hold } from '../delivery/delivery.usecases.ts';
import { LineApiError, type LineGateway } from '../line/line.gateway.ts';
import { composeReviewDigests, digestTime } from './digest.ts';
import { createLeases } from './lease.ts';
import { createOutboxRepository, type ClaimedRow } from './outbox.repository.ts';
import { localTime } from './policy.ts';
import { createRateLimiter, realTimers, retryDelayMs, type Timers } from './rate-limit.ts';
import { createSenderAlerts } from './sender.alerts.ts';

/**
 * Drains the outbox: claims due rows (FOR UPDATE SKIP LOCKED, with a lease), pushes each with its
 * own X-Line-Retry-Key under bounded concurrency and a rate limit, and records the outcome.
 *
 * Exactly once: a row is only marked sent after LINE accepted it. If this process dies between
 * LINE's acceptance and the mark, the lease expires, another drain reclaims the row and pushes it
 * again with the SAME retry key; LINE answers 409 (already accepted, kept for 24 h:
 * https://developers.line.biz/en/docs/messaging-api/retrying-api-request/) and the gateway counts
 * that as success, so nobody gets it twice. Rows planned for an earlier day expire unsent, and
 * the organization's admins are told (sender.alerts.ts).
 *
 * `drain(now)` acts as of `now` (what is due, which day it is: the scheduler's clock or
 * `remind --now`); leases are measured on `clock`, the machine's real clock (lease.ts).
 */
export type DrainResult = {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  expired: number;
  /** Review requests merged into another's digest message before sending (only while a budget applies). */
  digested?: number;
  /** Rows put back unsent because pushes are held (monthly limit or budget), and the hold. */
  held: number;
  /** Rows dropped unsent: informational notices while the budget is short, and rows costing more than the month has left. */
  dropped: number;
  hold?: Hold;
};

/** The month's budget as the sender sees it (delivery.usecases.ts). */
export type SendBudget = Pick<DeliveryService, 'allowance' | 'hold'>;

export type SenderDeps = { db: Db; line: LineGateway; config: Config; clock: Clock; budget?: SendBudget; timers?: Timers; log?: (line: string) => void };

/** Retryable failures (429, 5xx, timeouts) are retried this many times before the row fails. */
export const MAX_ATTEMPTS = 20;
const FLUSH_AT = 64;

export function createSender({ db, line, config, clock, budget, timers = realTimers, log }: SenderDeps) {
  const repo = createOutboxRepository(db);
  const concurrency = config.reminders.senderConcurrency;
  const batch = Math.max(16, concurrency * 4);
  const m = msg(config.defaultLang);
  const alerts = createSenderAlerts(repo, m);

  return {
    /**
     * Sends everything due at `now()` and returns when nothing more is due. Rows whose retry
     * time is later stay for a later drain (the scheduler's next tick).
     */
    async drain(now: () => Date): Promise<DrainResult> {
      const result: DrainResult = { claimed: 0, sent: 0, retried: 0, failed: 0, expired: 0, held: 0, dropped: 0 };
      // Held for the month (LINE's monthly limit or our budget): nothing is claimed, nothing expires
      // meanwhile; on the 1st the rows are due again and what is out of date expires then, reported.
      const allowance = budget ? await budget.allowance(now()) : { held: null, remaining: null };
      if (allowance.held) return { ...result, hold: allowance.held };
      let remaining = allowance.remaining;
      let holding: Promise<Hold> | null = null;
      const startHold = (reason: Hold['reason']) => (holding ??= budget!.hold(reason, now()));
      const leases = createLeases(repo, clock, log);
      result.expired = await alerts.expireStale(db, localTime(now()).date, leases.lease().now, now());
      // Every push counts against a budget: a reviewer's waiting review requests go as one (digest.ts),
      // and once the budget is short, one a day.
      if (remaining !== null && allowance.level && allowance.level !== 'full') await repo.deferReviewRequests(localTime(now()).date, digestTime(localTime(now()).date));
      if (remaining !== null) result.digested = await composeReviewDigests(db, repo, m, now());
      // Short of messages: what only informs goes no more, so that review requests and returns do.
      if (remaining !== null && allowance.level && !keepsNotices(allowance.level)) {
        result.dropped += await repo.dropNotices(PRIORITY.notice, `dropped: message budget short (level ${allowance.level}); informational notice, the item's page shows the same`);
      }
      const limiter = createRateLimiter(config.reminders.sendRatePerSecond, timers);
      const sentIds: number[] = [];
      // Sent rows stay leased (renewed) until they are marked, so nobody reclaims them meanwhile.
      const flush = async () => {
        const ids = sentIds.splice(0);
        await repo.markSent(ids, now());
        for (const id of ids) leases.release(id);
      };

      async function putBack(row: ClaimedRow, hold: Hold) {
        await repo.markHeld(row, hold.until, hold.reason === 'monthly_limit' ? "held: LINE's monthly limit reached" : 'held: monthly message budget spent');
        leases.release(row.id);
        result.held++;
        result.hold = hold;
      }

      async function drop(row: ClaimedRow, note: string) {
        await repo.markDropped(row, note);
        leases.release(row.id);
        result.dropped++;
      }

      async function sendOne(row: ClaimedRow) {
        if (holding) return putBack(row, await holding);
        if (remaining !== null && remaining <= 0) return putBack(row, await startHold('budget'));
        // One push worth more than what is left (a large group's summary) does not hold the cheaper
        // ones behind it (a review request costs 1): it alone is dropped, recorded.
        if (remaining !== null && row.cost > remaining) return drop(row, `dropped: costs ${row.cost} messages, ${remaining} left this month`);
        if (remaining !== null) remaining -= row.cost;
        await limiter.take();
        try {
          await line.push(row.recipient, row.messages, { retryKey: row.retry_key, orgId: row.org_id });
          result.sent++;
          sentIds.push(row.id);
          if (sentIds.length >= FLUSH_AT) await flush();
          return;
        } catch (e) {
          const err = e instanceof LineApiError ? e : new LineApiError(0, (e as Error).message);
          if (remaining !== null) remaining += row.cost;
          // Not a rate limit: nothing more goes this month (issue 12.4); ordinary 429s back off below.
          if (err.monthlyLimit && budget) return putBack(row, await startHold('monthly_limit'));
          if (err.retryable && row.attempts < MAX_ATTEMPTS) {
            if (err.status === 429) limiter.backOff(err.retryAfterMs ?? 1_000);
            const at = new Date(now().getTime() + retryDelayMs(row.attempts, err.retryAfterMs));
            await repo.markRetry(row, at, err.message);
            leases.release(row.id);
            result.retried++;
          } else {
            await alerts.failForGood(db, row, err, now());
            leases.release(row.id);
            result.failed++;
            log?.(`outbox ${row.id} (${row.kind}) failed: ${err.message}`);
          }
        }
      }

      // Rounds until a round finds nothing: failures add admin alerts that are due at once.
      for (;;) {
        const queue: ClaimedRow[] = [];
        let exhausted = false;
        let refilling: Promise<void> | null = null;
        let round = 0;
        let claimError: unknown = null;
        const refill = () =>
          (refilling ??= (async () => {
            try {
              const rows = holding ? [] : await repo.claim(now(), leases.lease(), batch);
              leases.hold(rows);
              if (!rows.length) exhausted = true;
              result.claimed += rows.length;
              round += rows.length;
              queue.push(...rows);
            } catch (e) {
              claimError = e;
              exhausted = true;
            }
          })().finally(() => {
            refilling = null;
          }));
        const next = async (): Promise<ClaimedRow | undefined> => {
          for (;;) {
            const row = queue.shift();
            if (row) {
              if (queue.length < batch / 2 && !exhausted) void refill();
              return row;
            }
            if (exhausted) return undefined;
            await refill();
          }
        };
        leases.start();
        try {
          await Promise.all(
            Array.from({ length: concurrency }, async () => {
              for (let row = await next(); row; row = await next()) await sendOne(row);
            }),
          );
          await refilling;
          await flush();
        } finally {
          leases.stop();
        }
        if (claimError) throw claimError;
        if (round === 0) {
          await line.flushLog();
          return result;
        }
      }
    },
  };
}

export type Sender = ReturnType<typeof createSender>;
