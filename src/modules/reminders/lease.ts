import type { Clock } from '../../shared/clock.ts';
import type { ClaimedRow, OutboxRepository } from './outbox.repository.ts';

/**
 * A sender's leases on the outbox rows it claimed, on the machine's real clock (the container's
 * clock), never on the time a run acts as (`remind --now`): see outbox.repository.ts claim().
 *
 * Short and renewed: a sender that dies (kill -9, a lost machine) stops renewing and its rows
 * are taken over LEASE_MS later, so a rerun after a crash waits seconds, not a minute; a live
 * sender that is slow (LINE answering in 10 s under load) keeps its rows by renewing them every
 * RENEW_EVERY_MS. Renewal is fenced by the attempt number, like every mark.
 */
export const LEASE_MS = 15_000;
const RENEW_EVERY_MS = 5_000;

export function createLeases(repo: Pick<OutboxRepository, 'renew'>, clock: Clock, log?: (line: string) => void) {
  const held = new Map<number, number>();
  let timer: NodeJS.Timeout | null = null;
  const lease = () => {
    const now = clock.now();
    return { now, until: new Date(now.getTime() + LEASE_MS) };
  };
  return {
    /** The real time now and the end of a lease taken now. */
    lease,
    hold(rows: ClaimedRow[]) {
      for (const r of rows) held.set(r.id, r.attempts);
    },
    release(id: number) {
      held.delete(id);
    },
    start() {
      if (timer) return;
      timer = setInterval(() => {
        const rows = [...held].map(([id, attempts]) => ({ id, attempts }));
        repo.renew(rows, lease().until).catch((e) => log?.(`outbox: renewing ${rows.length} lease(s) failed: ${(e as Error).message}`));
      }, RENEW_EVERY_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      held.clear();
    },
  };
}
