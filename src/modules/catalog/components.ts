import { thaiDigitsToArabic } from '../../shared/thai-text.ts';

/**
 * A catalog component as written, "แสดงข้อมูล… อย่างน้อยประกอบด้วย (1) ชื่อ-นามสกุล (2) ตำแหน่ง", split
 * into its lead text and numbered sub-points for display. Only a run (1), (2), (3)… counts (Thai
 * digits too), so a reference like "มาตรา 9 (8)" stays in the text.
 */
export function splitSubPoints(component: string): { text: string; subPoints: string[] } {
  const marks = [...component.matchAll(/\(([0-9๐-๙]{1,2})\)/g)];
  const run: RegExpExecArray[] = [];
  for (const m of marks) {
    const n = Number(thaiDigitsToArabic(m[1]!));
    if (n === run.length + 1) run.push(m as RegExpExecArray);
    else if (n === 1) run.splice(0, run.length, m as RegExpExecArray);
  }
  if (run.length < 2) return { text: component.trim(), subPoints: [] };
  const lead = component.slice(0, run[0]!.index).trim();
  const subPoints = run.map((m, i) => component.slice(m.index! + m[0].length, i + 1 < run.length ? run[i + 1]!.index : undefined).trim().replace(/[,;]$/, '').trim());
  return { text: lead, subPoints };
}
