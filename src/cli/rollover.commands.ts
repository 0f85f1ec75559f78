import type { Command } from 'commander';
import { msg, type Lang } from '../messages/index.ts';
import { cliActor } from '../modules/auth/actor.ts';
import type { RolloverResult } from '../modules/rollover/rollover.usecases.ts';
import { lang } from './reports.commands.ts';
import { withContainer, year } from './support.ts';

/** rollover --org --from --to [--dry-run] [--due]: next year's assignments from this year's. */
export function registerRolloverCommands(program: Command) {
  program
    .command('rollover')
    .description('ยกยอดงานไปปีถัดไปตามตารางเทียบข้อ (clone a cycle onto the next catalog; never overwrites)')
    .requiredOption('--org <slug>', 'หน่วยงาน (organization)')
    .requiredOption('--from <พ.ศ.>', 'ปีต้นทาง เช่น 2567', year)
    .requiredOption('--to <พ.ศ.>', 'ปีปลายทาง เช่น 2568', year)
    .option('--dry-run', 'แสดงผลโดยไม่บันทึก (show, write nothing)')
    .option('--due <date>', 'กำหนดส่งใหม่ทุกข้อ เช่น 31/03/2569 (otherwise last year’s + 1 year)')
    .option('--lang <th|en>', 'ภาษา (language)', lang, 'th')
    .action(async (o: { org: string; from: number; to: number; dryRun?: boolean; due?: string; lang: Lang }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const r = await c.rollover.rollover(cliActor(organization.id), { from: o.from, to: o.to, dryRun: o.dryRun, due: o.due });
        for (const line of formatRollover(r, o.lang)) console.log(line);
      });
    });
}

export function formatRollover(r: RolloverResult, language: Lang): string[] {
  const t = msg(language).reports.rollover;
  const out = [t.head(r.dryRun, r.from, r.to)];
  if (r.cycleCreated) out.push(`  ${t.cycleCreated(r.to)}`);
  out.push(`  ${t.counts(r.created, r.kept, r.peopleAdded, r.hintsAdded)}`);
  if (!r.cycleCreated && r.created + r.peopleAdded + r.hintsAdded === 0) out.push(`  ${t.nothing}`);
  for (const kind of ['merged', 'split', 'new', 'dropped', 'equal'] as const) {
    const lines = r.lines.filter((l) => l.kind === kind);
    if (!lines.length) continue;
    out.push(`${t.kinds[kind]} (${lines.length})`);
    for (const l of lines) {
      const from = l.from.map((c) => (l.inferred.includes(c) ? `${c}${t.inferred}` : c)).join('+') || '—';
      out.push(t.line(t.kinds[kind]!, l.to, from, l.title ?? l.fromTitles[0] ?? null, l.units.length));
    }
  }
  out.push(t.sources(r.sources.join('; ')));
  return out;
}
