import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { msg, type Lang } from '../messages/index.ts';
import { cliActor, cliOperator } from '../modules/auth/actor.ts';
import { exportCatalog, type ExportFormat } from '../modules/catalog/catalog.export.ts';
import type { CatalogImportSummary } from '../modules/catalog/catalog.import.ts';
import { inLang, lang, withContainer, year } from './support.ts';

const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`"${v}": 1, 2, 3, …`);
  return n;
};
const langOption = () => new Option('--lang <th|en>', 'language of the output').argParser(lang).default('th');

/** The deployment's catalogs (shared by every organization) and which one a cycle uses. */
export function registerCatalogCommands(program: Command) {
  const catalog = program.command('catalog').description('NACC OIT catalogs (O1…On) of each year: import, export, list');
  catalog
    .command('import <file>')
    .description('load a year\'s catalog from .xlsx/.csv (docs/templates/catalog-template.xlsx) or .json; validated, audited, versioned once in use')
    .requiredOption('--year <พ.ศ.>', 'fiscal year of the catalog, e.g. 2569', year)
    .option('--dry-run', 'check and show what would change, without saving')
    .addOption(langOption())
    .action(async (file: string, o: { year: number; dryRun?: boolean; lang: Lang }) => inLang(o.lang, () => withContainer(async (c) => {
      const bytes = new Uint8Array(readFileSync(file));
      const s = await c.catalogImport.importFile(cliOperator, { fileName: basename(file), bytes, year: o.year, dryRun: o.dryRun });
      printImport(s, o.lang);
    })));

  catalog
    .command('export')
    .description('write a year\'s catalog as the sheet catalog import reads (next year\'s starts from it)')
    .requiredOption('--year <พ.ศ.>', 'fiscal year, e.g. 2568', year)
    .option('--version <n>', 'a version (default: the current one)', positive)
    .addOption(new Option('--format <format>', 'file type').choices(['xlsx', 'csv', 'json']).default('xlsx'))
    .option('--out <file>', 'where to write (default: ita-<year>-catalog.<format>)')
    .addOption(langOption())
    .action(async (o: { year: number; version?: number; format: ExportFormat; out?: string; lang: Lang }) => inLang(o.lang, () => withContainer(async (c) => {
      const content = await c.catalog.content(o.year, o.version);
      const file = await exportCatalog(content, o.format);
      const out = o.out ?? file.fileName;
      writeFileSync(out, file.bytes);
      console.log(msg(o.lang).catalog.cli.exported(out, content.items.length));
    })));

  catalog
    .command('list')
    .description('catalog years in this deployment, their current version and origin')
    .addOption(langOption())
    .action(async (o: { lang: Lang }) => inLang(o.lang, () => withContainer(async (c) => {
      const t = msg(o.lang).catalog.cli;
      console.log(t.listHead);
      for (const y of await c.catalog.years()) console.log(t.listRow(y.year, y.itemCount, y.currentVersion, y.origin));
    })));

  program
    .command('cycle')
    .description('an organization\'s assessment year')
    .command('catalog')
    .description('which catalog the organization\'s cycle for a year uses (e.g. FY 2570 on the 2569 catalog), optionally pinned to a version')
    .requiredOption('--org <slug>', 'organization')
    .requiredOption('--year <พ.ศ.>', 'the cycle\'s fiscal year, e.g. 2570', year)
    .requiredOption('--catalog <พ.ศ.>', 'the catalog\'s year, e.g. 2569', year)
    .option('--version <n>', 'pin this version (corrections then do not move the cycle); default: always the current version', positive)
    .addOption(langOption())
    .action(async (o: { org: string; year: number; catalog: number; version?: number; lang: Lang }) => inLang(o.lang, () => withContainer(async (c) => {
      const organization = await c.orgs.bySlug(o.org);
      const r = await c.cycles.pinCatalog(cliActor(organization.id), o.year, { catalogYear: o.catalog, version: o.version ?? null });
      const t = msg(o.lang).catalog.cli;
      console.log(t.pinned(o.year, o.catalog, o.version ?? null));
      if (r.repointed > 0) console.log(t.moved(r.repointed));
      if (r.ticksKept + r.ticksDropped > 0) console.log(t.ticks(r.ticksKept, r.ticksDropped));
    })));
}

function printImport(s: CatalogImportSummary, l: Lang) {
  const t = msg(l).catalog.cli;
  if (s.dryRun) console.log(t.dryRun);
  console.log(t.outcome[s.kind]!(s.year, s.version));
  console.log(t.contents(s.items, s.components));
  for (const sub of s.subIndicators) console.log(t.sub(sub.code, sub.title, sub.items));
  if (s.diff) {
    if (s.diff.added.length) console.log(t.added(s.diff.added.join(', ')));
    if (s.diff.removed.length) console.log(t.removed(s.diff.removed.join(', ')));
    for (const ch of s.diff.changed) console.log(t.changed(ch.code, ch.fields.map((f) => t.fields[f] ?? f).join(', ')));
  }
  if (s.kind === 'versioned') {
    console.log(t.repointed(s.repointed));
    for (const x of s.stayed) console.log(t.stayed(x.code, x.n));
    if (s.ticksKept + s.ticksDropped > 0) console.log(t.ticks(s.ticksKept, s.ticksDropped));
  }
}
