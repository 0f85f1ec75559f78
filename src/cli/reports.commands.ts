import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { msg, type Lang } from '../messages/index.ts';
import { cliActor } from '../modules/auth/actor.ts';
import { cliMessages, withContainer, year } from './support.ts';

export const lang = (v: string): Lang => {
  if (v !== 'th' && v !== 'en') throw new InvalidArgumentError(cliMessages().cli.args.lang);
  return v;
};

/** The format comes from the file name: .xlsx or .csv. */
const sheetFormat = (file: string) => {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.csv') return ext.slice(1) as 'xlsx' | 'csv';
  throw new InvalidArgumentError(cliMessages().cli.args.sheetFile);
};

const chartFormat = (file: string) => {
  const ext = extname(file).toLowerCase();
  if (ext === '.png' || ext === '.svg') return ext.slice(1) as 'png' | 'svg';
  throw new InvalidArgumentError(cliMessages().cli.args.chartFile);
};

/** export itas | status | chart: what the working group hands in (issue 11). */
export function registerReportCommands(program: Command) {
  const exp = program.command('export').description('ส่งออกรายงาน: แบบกรอก ITAS, รายงานสถานะ (export reports)');
  for (const kind of ['itas', 'status'] as const) {
    exp
      .command(kind)
      .description(kind === 'itas' ? 'แบบกรอก ITAS: หนึ่งแถวต่อข้อ มี/ไม่มี URL คำอธิบาย (ITAS submission sheet)' : 'รายงานสถานะแบบตารางของคณะทำงาน (status report)')
      .requiredOption('--org <slug>', 'หน่วยงาน (organization)')
      .requiredOption('--year <พ.ศ.>', 'ปีงบประมาณ เช่น 2568', year)
      .requiredOption('--out <file>', 'ไฟล์ .xlsx หรือ .csv')
      .option('--lang <th|en>', 'ภาษา (language)', lang, 'th')
      .action(async (o: { org: string; year: number; out: string; lang: Lang }) => {
        const format = sheetFormat(o.out);
        await withContainer(async (c) => {
          const organization = await c.orgs.bySlug(o.org);
          const file = await c.reports.exportSheet(cliActor(organization.id), kind, o.year, format, o.lang);
          writeFileSync(o.out, file.bytes);
          const t = msg(o.lang).reports;
          console.log(t.exported(t.kinds[kind]!, o.out, file.rows));
        });
      });
  }
  exp
    .command('chart')
    .description('แผนภูมิความคืบหน้า PNG หรือ SVG (progress chart)')
    .requiredOption('--org <slug>', 'หน่วยงาน (organization)')
    .requiredOption('--year <พ.ศ.>', 'ปีงบประมาณ เช่น 2568', year)
    .requiredOption('--out <file>', 'ไฟล์ .png หรือ .svg')
    .option('--lang <th|en>', 'ภาษา (language)', lang, 'th')
    .action(async (o: { org: string; year: number; out: string; lang: Lang }) => {
      const format = chartFormat(o.out);
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const file = await c.reports.chart(cliActor(organization.id), o.year, format, o.lang);
        writeFileSync(o.out, file.bytes);
        console.log(msg(o.lang).reports.chartExported(o.out));
      });
    });
}
