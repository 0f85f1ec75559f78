import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../../shared/clock.ts';
import { BANGKOK } from '../../shared/thai-date.ts';
import type { RemindersService } from './reminders.usecases.ts';

/**
 * node-cron ticks only trigger work; what is due is decided by the policy at clock.now() and the
 * outbox's unique keys (recipient × kind × Bangkok date), so a tick every 15 minutes plans each
 * day's reminder once, several instances ticking together plan once, and a missed tick is made up
 * by the next. Every tick ends by draining the outbox; the drain cron also picks up retries.
 */
export type SchedulerDeps = {
  reminders: Pick<RemindersService, 'planReminders' | 'planSummaries' | 'drain'>;
  clock: Clock;
  crons: { reminderCron: string; summaryCron: string; drainCron: string };
  log?: (msg: string, err?: unknown) => void;
};

export function startScheduler({ reminders, clock, crons, log = () => {} }: SchedulerDeps) {
  let chain: Promise<unknown> = Promise.resolve();
  // One job at a time in this instance; other instances are kept apart by the database.
  const serial = (name: string, job: () => Promise<unknown>) => () => {
    chain = chain.then(job).catch((e) => log(`${name} failed`, e));
    return chain;
  };
  const drain = () => reminders.drain(() => clock.now());
  const jobs = {
    reminders: serial('reminders', async () => {
      const r = await reminders.planReminders(clock.now());
      if (r.planned) log(`planned ${r.planned} reminder message(s) for ${r.localDate}`);
      await drain();
    }),
    summaries: serial('summaries', async () => {
      const r = await reminders.planSummaries(clock.now());
      if (r.planned) log(`planned ${r.planned} daily summar${r.planned === 1 ? 'y' : 'ies'} for ${r.localDate}`);
      await drain();
    }),
    drain: serial('drain', drain),
  };
  const tasks: ScheduledTask[] = [
    cron.schedule(crons.reminderCron, jobs.reminders, { timezone: BANGKOK, name: 'reminders', noOverlap: true }),
    cron.schedule(crons.summaryCron, jobs.summaries, { timezone: BANGKOK, name: 'summaries', noOverlap: true }),
    cron.schedule(crons.drainCron, jobs.drain, { timezone: BANGKOK, name: 'outbox-drain', noOverlap: true }),
  ];
  return {
    /** For tests and start-up: run a job now instead of waiting for its tick. */
    run: (job: keyof typeof jobs) => jobs[job](),
    async stop() {
      await Promise.all(tasks.map((t) => t.destroy()));
      await chain;
    },
  };
}
