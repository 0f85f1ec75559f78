import type { Clock } from '../../../shared/clock.ts';
import type { InboxBacklog, InboxRepository } from './inbox.repository.ts';

/**
 * Counts stop past this (inbox.repository.ts backlog()): "more than 10,000" is enough to act on,
 * and behind a backlog of 240,000 stored requests the check's statement then takes 12 ms on real
 * PostgreSQL (counting them all took 80–110 ms), about 1 ms with nothing waiting.
 */
export const BACKLOG_CAP = 10_000;

/**
 * Whether the inbox keeps up, for /healthz and the `inbox` command. People wait for the bot's
 * answer to every message they send; with webhook-only instances (INBOX_WORKER_ENABLED=false) and
 * too few, or no, worker instances, requests pile up acknowledged but unanswered, and nothing else
 * shows it. `degraded` (the instance itself is fine, /healthz stays 200) when:
 *  - `stale`: the oldest event not yet handled has waited longer than INBOX_STALE_SECONDS (no
 *    worker runs, workers too few, or LINE's API refusing answers so that events wait for retries);
 *  - `set-aside`: a stored request could not be split into events and is kept aside (never lost;
 *    README "Watching the inbox" says how to look at it).
 * Events that failed for good in the last 24 hours are counted too, without degrading: they are
 * over (each was logged), but an admin should see them.
 */
export type InboxHealth = {
  status: 'ok' | 'degraded';
  reasons: Array<'stale' | 'set-aside'>;
  /** Events stored and not yet handled: split (pending, retries included) and not yet split. */
  waitingEvents: number;
  /** Of those, stored requests not yet split into events (what webhook-only instances leave). */
  unsplitRequests: number;
  /** How long the oldest of them has waited; null when none waits. */
  oldestWaitingSeconds: number | null;
  setAsideRequests: number;
  failedEventsLast24h: number;
  /** A count reached the cap: the figures are "more than" (BACKLOG_CAP). */
  capped: boolean;
  staleAfterSeconds: number;
  /** Whether this instance runs a worker (INBOX_WORKER_ENABLED). */
  workerHere: boolean;
};

export function createInboxHealth(d: { repo: Pick<InboxRepository, 'backlog'>; clock: Clock; staleSeconds: number; workerEnabled: boolean }) {
  return async function inboxHealth(): Promise<InboxHealth> {
    const now = d.clock.now();
    const b: InboxBacklog = await d.repo.backlog(new Date(now.getTime() - 86_400_000), BACKLOG_CAP);
    const oldestWaitingSeconds = b.oldestWaitingAt === null ? null : Math.max(0, Math.floor((now.getTime() - b.oldestWaitingAt) / 1000));
    const reasons: InboxHealth['reasons'] = [];
    if (oldestWaitingSeconds !== null && oldestWaitingSeconds > d.staleSeconds) reasons.push('stale');
    if (b.setAsideRequests > 0) reasons.push('set-aside');
    return {
      status: reasons.length ? 'degraded' : 'ok',
      reasons,
      waitingEvents: b.pendingEvents + b.unsplitEvents,
      unsplitRequests: b.unsplitRequests,
      oldestWaitingSeconds,
      setAsideRequests: b.setAsideRequests,
      failedEventsLast24h: b.failedEvents,
      capped: [b.pendingEvents, b.unsplitRequests, b.setAsideRequests, b.failedEvents].some((n) => n > BACKLOG_CAP),
      staleAfterSeconds: d.staleSeconds,
      workerHere: d.workerEnabled,
    };
  };
}
