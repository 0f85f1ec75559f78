import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../../shared/clock.ts';
import { BANGKOK } from '../../shared/thai-date.ts';
import type { LinksService } from './links.usecases.ts';

/**
 * node-cron only ticks; which organizations are due (weekday, OIT window) and the once-a-day
 * claim are decided in links.usecases.ts, so several instances ticking together check once.
 */
export function startLinkCheckScheduler({ links, clock, cronExpr, log = () => {} }: {
  links: Pick<LinksService, 'runScheduled'>;
  clock: Clock;
  cronExpr: string;
  log?: (msg: string, err?: unknown) => void;
}) {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = links
      .runScheduled(clock.now())
      .then((runs) => runs.forEach((r) => log(`checked ${r.checked} evidence links of organization ${r.orgId} (${r.year}), notified ${r.notified}`)))
      .catch((e) => log('link check failed', e));
    return running;
  };
  const task: ScheduledTask = cron.schedule(cronExpr, tick, { timezone: BANGKOK, name: 'link-check', noOverlap: true });
  return {
    async stop() {
      await task.destroy();
      await running;
    },
  };
}
