import type { Command } from 'commander';
import { cliActor } from '../modules/auth/actor.ts';
import { formatRunResult, reachability, runReminders, runSummary } from '../modules/reminders/reminders.cli.ts';
import { errors } from '../shared/errors.ts';
import { cliMessages, isoNow, list, withContainer, year } from './support.ts';

/** Reminder policy, holidays, and running reminders or summaries as of a given time. */
export function registerReminderCommands(program: Command) {
  program
    .command('policy')
    .description("set the organization's reminder policy (or one year's, with --year); replaces earlier overrides of that scope")
    .requiredOption('--org <slug>', 'organization')
    .option('--year <พ.ศ.>', 'only for this fiscal year', year)
    .option('--offsets <days>', 'days before the due date, e.g. 14,7,3,1,0', list)
    .option('--overdue-cap <n>', 'overdue reminders, at most this many working days', Number)
    .option('--window <HH:MM-HH:MM>', 'send window, Asia/Bangkok')
    .option('--workdays <days>', 'ISO weekdays, 1 = Monday, e.g. 1,2,3,4,5', list)
    .option('--escalation-days <n>', 'overdue this many working days → supervisors are told', Number)
    .option('--summary-time <HH:MM>', 'daily summary time')
    .action(async (o: { org: string; year?: number; offsets?: number[]; overdueCap?: number; window?: string; workdays?: number[]; escalationDays?: number; summaryTime?: string }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const cycle = o.year ? await c.cycles.find(organization.id, o.year) : undefined;
        if (o.year && !cycle) throw errors.notFound('cycle', o.year);
        const [start, end] = o.window?.split('-') ?? [];
        const policy = Object.fromEntries(Object.entries({
          offsets: o.offsets, overdueRepeatCap: o.overdueCap, window: o.window ? { start, end } : undefined,
          workdays: o.workdays, escalationAfterDays: o.escalationDays, summaryTime: o.summaryTime,
        }).filter(([, v]) => v !== undefined));
        const saved = await c.reminders.setPolicy(cliActor(organization.id), cycle?.id ?? null, policy);
        console.log(`reminder policy of ${organization.slug}${o.year ? ` for ${o.year}` : ''}: ${JSON.stringify(saved)}`);
      });
    });

  program
    .command('holiday <date> [name...]')
    .description('a day without reminders or summaries for this organization, e.g. 13/04/2568 สงกรานต์')
    .requiredOption('--org <slug>', 'organization')
    .action(async (date: string, name: string[], o: { org: string }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const row = await c.reminders.addHoliday(cliActor(organization.id), date, name.join(' '));
        console.log(`holiday ${row.date} (${row.name}) for ${organization.slug}`);
      });
    });

  for (const [name, what, run] of [
    ['remind', 'plan and send the reminders and escalations due at --now, once', runReminders],
    ['summary', 'plan and send the daily summaries due at --now, once', runSummary],
  ] as const) {
    program
      .command(name)
      .description(what)
      .option('--now <ISO datetime>', 'act as if it were this time', isoNow)
      .option('--dry-run', 'print what would be sent; write and send nothing')
      .action(async (o: { now?: Date; dryRun?: boolean }) => {
        await withContainer(async (c) => {
          const r = await run(c, { now: o.now ?? new Date(), dryRun: Boolean(o.dryRun) });
          console.log(formatRunResult(cliMessages(), r, await reachability(c)));
        });
      });
  }
}
