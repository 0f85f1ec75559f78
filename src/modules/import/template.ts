import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import writeXlsxFile from 'write-excel-file/node';
import { toCsv } from '../../shared/csv.ts';

/**
 * The documented assignment sheet (docs/templates/): Thai headers with the English name in
 * parentheses (both are accepted), invented people, and one example of each accepted form.
 * Regenerate with `sh scripts/node.sh src/modules/import/template.ts`.
 */
export const TEMPLATE_HEADERS = [
  'ข้อ (item)',
  'หน่วยงาน (unit)',
  'หลัก/ร่วม (responsibility)',
  'ชื่อ-สกุล (officer)',
  'ตำแหน่ง (position)',
  'บทบาท (role)',
  'กำหนดส่ง (due)',
  'line_user_id',
] as const;

const WIDTHS = [8, 36, 12, 26, 34, 16, 16, 36];

export function templateRows(): string[][] {
  const strategy = 'กลุ่มงานยุทธศาสตร์และข้อมูลฯ';
  return [
    [...TEMPLATE_HEADERS],
    ['O1', strategy, 'หลัก', 'นายสมชาย ตัวอย่าง', 'นักวิเคราะห์นโยบายและแผนชำนาญการ', 'ผู้จัดทำ', '31/03/2568', ''],
    ['O1', strategy, 'หลัก', 'นางสาวสมศรี ทดสอบ', 'ผอ.กลุ่มงานยุทธศาสตร์และข้อมูลฯ', 'ผู้กำกับติดตาม', '31/03/2568', ''],
    ['O1', strategy, 'หลัก', 'นางวิไล ใจดี', 'หัวหน้าสำนักงานจังหวัด', 'ผู้รับรอง', '31/03/2568', ''],
    ['O2', 'กลุ่มงานอำนวยการ', 'หลัก', 'นายประเสริฐ มั่นคง', 'นักจัดการงานทั่วไปชำนาญการ', 'ผู้จัดทำ', '31 มี.ค. 2568', ''],
    ['O2', 'ทุกส่วนราชการ', 'ร่วม', '', '', '', '31 มี.ค. 2568', ''],
    ['O13', 'กลุ่มงานบริหารทรัพยากรบุคคล', 'main', 'น.ส. กานดา ตัวอย่าง', 'นักทรัพยากรบุคคลปฏิบัติการ', 'preparer', '2025-03-31', ''],
    ['O13', 'กลุ่มงานบริหารทรัพยากรบุคคล', 'main', 'นางสาวสมศรี ทดสอบ', '', 'supervisor', '2025-03-31', ''],
    ['O13', 'กลุ่มงานบริหารทรัพยากรบุคคล', 'main', 'นางวิไล ใจดี', '', 'certifier', '๓๑/๐๓/๒๕๖๘', ''],
  ];
}

export { toCsv };

export async function toXlsx(rows: string[][]): Promise<Buffer> {
  const data = rows.map((r, i) => r.map((v) => (i === 0 ? { value: v, fontWeight: 'bold' as const } : { value: v, type: String, format: '@' })));
  return writeXlsxFile(data, { sheet: 'assignments', columns: WIDTHS.map((width) => ({ width })), stickyRowsCount: 1 }).toBuffer();
}

export async function writeTemplates(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const rows = templateRows();
  const csv = join(dir, 'assignments-template.csv');
  const xlsx = join(dir, 'assignments-template.xlsx');
  writeFileSync(csv, toCsv(rows));
  writeFileSync(xlsx, await toXlsx(rows));
  return [csv, xlsx];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = fileURLToPath(new URL('../../../docs/templates/', import.meta.url));
  for (const f of await writeTemplates(dir)) console.log(`wrote ${f}`);
}
