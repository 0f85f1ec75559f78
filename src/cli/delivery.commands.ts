import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { DELIVERY_STATUSES } from '../modules/delivery/deliveries.usecases.ts';
import { deliveriesReport, notifyTest, quotaReport } from '../modules/delivery/delivery.cli.ts';
import { parseThaiDate } from '../shared/thai-date.ts';
import { cliMessages, langOption, withContainer } from './support.ts';

const date = (v: string) => {
  const iso = parseThaiDate(v);
  if (!iso) throw new InvalidArgumentError(cliMessages().cli.args.date);
  return iso;
};
const words = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);
/** `--status`: only the log's statuses, so that a typo is an error instead of an empty list. */
const statuses = (v: string) => {
  const list = words(v);
  const unknown = list.filter((s) => !(DELIVERY_STATUSES as readonly string[]).includes(s));
  if (unknown.length) throw new InvalidArgumentError(cliMessages().cli.args.deliveryStatus(unknown, DELIVERY_STATUSES));
  return list;
};

/** The LINE message budget, the delivery log and a test message (src/modules/delivery). */
export function registerDeliveryCommands(program: Command) {
  langOption(program
    .command('quota')
    .description("LINE messages this month: the plan's quota and what is used (read from LINE now), the budget, the forecast to the end of the month by kind and organization, and how far the planner cuts back")
    .option('--org <slug>', 'only this organization in the per-organization figures')
    .option('--resume', 'end a hold now (after raising the quota in LINE Official Account Manager)'))
    .action(async (o: { org?: string; resume?: boolean }) => {
      await withContainer(async (c) => console.log(await quotaReport(c, cliMessages(), { orgSlug: o.org, resume: o.resume })));
    });

  langOption(program
    .command('deliveries')
    .description('the delivery log: every message planned, its cost, what became of it (sent, merged, dropped, failed, expired) and why')
    .requiredOption('--org <slug>', 'organization')
    .option('--since <date>', 'from this day (default: the 1st of this month)', date)
    .option('--status <list>', 'only these, e.g. dropped,failed,expired', statuses)
    .option('--kind <list>', 'only these, e.g. reminder,summary', words)
    .option('--limit <n>', 'at most this many rows', Number, 200))
    .action(async (o: { org: string; since?: string; status?: string[]; kind?: string[]; limit: number }) => {
      await withContainer(async (c) => console.log(await deliveriesReport(c, cliMessages(), { orgSlug: o.org, since: o.since, status: o.status, kind: o.kind, limit: o.limit })));
    });

  langOption(program
    .command('notify')
    .description('send a message through LINE now')
    .command('test')
    .description('one test message to an officer, to see that LINE works end to end')
    .requiredOption('--org <slug>', 'organization')
    .requiredOption('--officer <name>', 'officer name'))
    .action(async (o: { org: string; officer: string }) => {
      await withContainer(async (c) => {
        const r = await notifyTest(c, cliMessages(), { orgSlug: o.org, officerName: o.officer });
        (r.ok ? console.log : console.error)(r.text);
        if (!r.ok) process.exitCode = 1;
      });
    });
}
