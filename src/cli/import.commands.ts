import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { Option, type Command } from 'commander';
import { msg, type Lang } from '../messages/index.ts';
import { cliActor } from '../modules/auth/actor.ts';
import type { ImportReport } from '../modules/import/import.report.ts';
import type { ImportSummary } from '../modules/import/import.usecases.ts';
import { inLang, lang, withContainer, year } from './support.ts';

const langOption = () => new Option('--lang <th|en>', 'language of the output').argParser(lang).default('th');

/** Assignment sheets, and the aliases that settle the near-duplicates an import lists. */
export function registerImportCommands(program: Command) {
  program
    .command('import <file>')
    .description('import an assignment sheet (.csv or .xlsx) as the working group keeps it; all rows apply or none')
    .requiredOption('--org <slug>', 'organization')
    .requiredOption('--year <พ.ศ.>', 'fiscal year, e.g. 2568', year)
    .option('--dry-run', 'check and explain how the sheet was read, without writing')
    .option('--keep-separate', 'create the listed near-duplicate names as separate units/officers')
    .addOption(langOption())
    .action(async (file: string, o: { org: string; year: number; dryRun?: boolean; keepSeparate?: boolean; lang: Lang }) => inLang(o.lang, () => withContainer(async (c) => {
      const t = msg(o.lang).imports.cli;
      const organization = await c.orgs.bySlug(o.org);
      const bytes = new Uint8Array(readFileSync(file));
      const bar = process.stderr.isTTY ? new SingleBar({ format: '{phase} [{bar}] {value}/{total}', stream: process.stderr }, Presets.shades_classic) : null;
      let phase = '';
      try {
        const s = await c.imports.importSheet(
          cliActor(organization.id),
          { fileName: basename(file), bytes, year: o.year, dryRun: o.dryRun, keepSeparate: o.keepSeparate },
          (done, total, p) => {
            if (!bar) return;
            if (p !== phase) {
              if (phase) bar.stop();
              phase = p;
              bar.start(total, 0, { phase: t.progress[p] });
            }
            bar.update(done, { phase: t.progress[p] });
          },
        );
        bar?.stop();
        printSummary(s, basename(file), o.lang, organization.slug);
      } catch (e) {
        bar?.stop();
        throw e;
      }
    })));

  for (const kind of ['unit', 'officer'] as const) {
    // `officer` may already exist (corrections.commands.ts): alias joins it as a subcommand.
    const parent = program.commands.find((c) => c.name() === kind)
      ?? program.command(kind).description(kind === 'unit' ? 'units of an organization' : 'officers of an organization');
    parent
      .command('alias <name>')
      .description(`say that <name> in a sheet is the ${kind} written --to (a near-duplicate the import listed); audited`)
      .requiredOption('--org <slug>', 'organization')
      .requiredOption('--to <name>', `the ${kind}'s name to use`)
      .addOption(langOption())
      .action(async (name: string, o: { org: string; to: string; lang: Lang }) => inLang(o.lang, () => withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const r = await c.aliases.add(cliActor(organization.id), kind, name, o.to);
        const t = msg(o.lang).imports.cli;
        console.log(t.aliasDone(t.kind[kind]!, r.alias, r.target, r.changed));
      })));
  }

  program
    .command('aliases')
    .description('the aliases of an organization\'s units and officers')
    .requiredOption('--org <slug>', 'organization')
    .addOption(langOption())
    .action(async (o: { org: string; lang: Lang }) => inLang(o.lang, () => withContainer(async (c) => {
      const organization = await c.orgs.bySlug(o.org);
      const t = msg(o.lang).imports.cli;
      const list = await c.aliases.list(cliActor(organization.id));
      if (list.length === 0) console.log(t.noAliases);
      for (const a of list) console.log(t.aliasList(t.kind[a.kind]!, a.alias, a.target));
    })));
}

/** 2, 3, 4, 7 → "2–4, 7". */
export function rowList(rows: readonly number[]): string {
  const s = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < s.length; i++) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j]! + 1) j++;
    parts.push(j > i ? `${s[i]}–${s[j]}` : String(s[i]));
    i = j;
  }
  return parts.length > 12 ? `${parts.slice(0, 12).join(', ')}, …` : parts.join(', ');
}

function printSummary(s: ImportSummary, file: string, l: Lang, org: string) {
  const t = msg(l).imports.cli;
  console.log(t.head(Boolean(s.dryRun), file, s.year, s.cycleCreated));
  if (s.report) printReport(s.report, l, org);
  console.log(s.unchanged ? t.nothing : t.totals(s));
}

function printReport(r: ImportReport, l: Lang, org: string) {
  const m = msg(l);
  const t = m.imports.cli;
  console.log(t.headerRow(r.headerRow));
  for (const c of r.columns) console.log(t.column(c.column, c.header, c.meaning ? t.meaning[c.meaning] ?? c.meaning : t.unused));
  if (r.skipped.length) {
    const one = (x: ImportReport['skipped'][number]) => (x.why === 'heading' ? t.skippedHeading(x.row, x.text) : x.why === 'continued_cell' ? t.skippedJoined(x.row, x.into!) : t.skippedHeader(x.row));
    console.log(t.skipped(r.skipped.map(one).join(', ')));
  }
  if (r.notes.continued.length) console.log(t.continued(r.notes.continued.map((x) => t.continuedOne(x.row, x.item, x.from)).join(', ')));
  if (r.notes.allUnits.length) {
    console.log(t.allUnits);
    for (const a of r.notes.allUnits) console.log(t.allUnitsOne(a.item, a.row, a.text, a.count));
  }
  if (r.notes.notApplicable.length) {
    console.log(t.notApplicable);
    for (const a of r.notes.notApplicable) console.log(t.notApplicableOne(a.item, a.row, a.reason));
  }
  if (r.unitsToCreate.length) {
    console.log(t.units(r.unitsToCreate.length));
    for (const u of r.unitsToCreate) console.log(t.unit(u.name, u.parent, rowList(u.rows)));
  }
  if (r.officersToCreate.length) {
    console.log(t.officers(r.officersToCreate.length));
    for (const o of r.officersToCreate) console.log(o.byPosition ? t.byPosition(o.name, rowList(o.rows)) : t.officer(o.name, o.position, rowList(o.rows)));
  }
  if (r.nearDuplicates.length) {
    console.log(t.near(r.nearDuplicates.length));
    const rows = (n: { existing: boolean; rows: number[] }) => (n.existing ? t.existing : rowList(n.rows));
    for (const d of r.nearDuplicates) {
      console.log(t.nearOne(t.kind[d.kind]!, d.a.name, rows(d.a), d.b.name, rows(d.b)));
      console.log(t.nearFix(`npm run cli -- ${d.kind} alias "${d.suggestion.alias}" --to "${d.suggestion.to}" --org ${org}`));
    }
    console.log(t.nearKeep);
  }
  const statuses = Object.entries(r.statuses).map(([st, n]) => `${m.status[st] ?? st} ${n}`);
  if (statuses.length) console.log(t.statuses(statuses.join(', ')));
  if (r.errors.length) {
    console.log(t.errors(r.errors.length));
    for (const e of r.errors) console.log(t.error(e.row, e.column, e.reason));
  }
}
