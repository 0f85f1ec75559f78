import type { Command } from 'commander';
import { cliActor } from '../modules/auth/actor.ts';
import { formatRunResult, reachability, runReminders, runSummary } from '../modules/reminders/reminders.cli.ts';
import { errors } from '../shared/errors.ts';
import type { ReminderPolicy } from '../modules/reminders/policy.ts';
import type { Messages } from '../messages/index.ts';
import { cliMessages, isoNow, langOption, list, withContainer, year } from './support.ts';

/** Reminder policy, holidays, and running reminders or summaries as of a given time. */
export function registerReminderCommands(program: Command) {
  langOption(program.command('policy'))
    .description("show the organization's reminder policy in force, or set it (or one year's, with --year; replaces earlier overrides of that scope)")
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
        const actor = cliActor(organization.id);
        // Nothing to change: the policy in force is shown (configuration ⊕ the organization's and the year's overrides).
        if (Object.keys(policy).length > 0) await c.reminders.setPolicy(actor, cycle?.id ?? null, policy);
        const m = cliMessages().cli.reminders;
        console.log(m.policyTitle(Object.keys(policy).length > 0, organization.slug, o.year));
        console.log(policyLines(m, await c.reminders.policyOf(actor, cycle?.id ?? null)));
      });
    });

  langOption(program.command('holiday <date> [name...]'))
    .description('a day without reminders or summaries for this organization, e.g. 13/04/2568 สงกรานต์')
    .requiredOption('--org <slug>', 'organization')
    .action(async (date: string, name: string[], o: { org: string }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const row = await c.reminders.addHoliday(cliActor(organization.id), date, name.join(' '));
        console.log(cliMessages().cli.reminders.holidayAdded(row.date, row.name !== row.date ? row.name : undefined, organization.slug));
      });
    });

  langOption(program.command('holidays'))
    .description('the holidays without reminders or summaries: the organization’s and every organization’s')
    .requiredOption('--org <slug>', 'organization')
    .action(async (o: { org: string }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const rows = await c.reminders.holidays(cliActor(organization.id));
        const m = cliMessages().cli.reminders;
        for (const r of rows) console.log(m.holidayLine(r.date, r.name && r.name !== r.date ? r.name : undefined, Boolean(r.everyone)));
        console.log(m.holidayTotal(rows.length));
      });
    });

  langOption(program.command('holiday-remove <date>'))
    .description('remove one of the organization’s holidays, e.g. 13/04/2568')
    .requiredOption('--org <slug>', 'organization')
    .action(async (date: string, o: { org: string }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const r = await c.reminders.removeHoliday(cliActor(organization.id), date);
        console.log(cliMessages().cli.reminders.holidayRemoved(r.date, r.name, organization.slug));
      });
    });

  for (const [name, what, run] of [
    ['remind', 'plan and send the reminders and escalations due at --now, once', runReminders],
    ['summary', 'plan and send the daily summaries due at --now, once', runSummary],
  ] as const) {
    langOption(program.command(name))
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

/** The policy as a person reads it (not JSON). */
function policyLines(m: Messages['cli']['reminders'], p: ReminderPolicy): string {
  return [
    m.offsets(p.offsets.map((d) => (d === 0 ? m.onDueDay : m.daysBefore(d))).join(', ')),
    m.overdue(p.overdueRepeatCap),
    m.escalation(p.escalationAfterDays),
    m.window(p.window.start, p.window.end),
    m.workdays(p.workdays.map((d) => m.weekdays[d]).join(' ')),
    m.summaryTime(p.summaryTime),
  ].join('\n');
}
