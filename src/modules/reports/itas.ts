import type { Messages } from '../../messages/index.ts';
import type { CatalogItem } from '../catalog/catalog.repository.ts';
import { isApproved, isFinal } from './final-status.ts';
import type { ReportAssignment } from './reports.repository.ts';
import type { Sheet } from './sheets.ts';

type Texts = Messages['reports'];

/**
 * The ITAS submission sheet: one row per catalog item in catalog order, as the ITA admin types it
 * into NACC's ITAS: มี/ไม่มี, the approved evidence URLs of every unit (one per line), an
 * explanation (the evidence labels, or the "ไม่มี เนื่องจาก…" reason), and a status column that
 * names every unit not yet final, so nothing is silently left out.
 */
export function itasSheet(m: Messages, items: CatalogItem[], assignments: ReportAssignment[]): Sheet {
  const t = m.reports;
  const byItem = groupByItem(assignments);
  const multiUnit = (list: ReportAssignment[]) => new Set(list.map((a) => a.unitId)).size > 1;
  const rows = items.map((item) => {
    const list = byItem.get(item.id) ?? [];
    const approved = list.filter((a) => isApproved(a.status));
    const notApplicable = list.filter((a) => a.status === 'not_applicable');
    const urls = unique(approved.flatMap((a) => a.evidence.map((e) => e.url)));
    const labelled = (a: ReportAssignment, s: string) => (multiUnit(list) ? `${a.unitName}: ${s}` : s);
    const explanation = [
      ...approved.flatMap((a) => a.evidence.filter((e) => e.label).map((e) => labelled(a, e.label!))),
      ...notApplicable.map((a) => labelled(a, t.notApplicableReason(a.statusNote ?? ''))),
    ];
    const has = approved.length > 0 ? t.yes : list.length > 0 && notApplicable.length === list.length ? t.no : '';
    return [item.code, item.title, has, urls.join('\n'), unique(explanation).join('\n'), itemStatus(m, list)];
  });
  return {
    name: t.itasSheetName,
    columns: [
      { header: t.col.item, width: 7 },
      { header: t.col.title, width: 48 },
      { header: t.col.has, width: 9 },
      { header: t.col.urls, width: 60 },
      { header: t.col.explanation, width: 48 },
      { header: t.col.itasStatus, width: 40 },
    ],
    rows,
  };
}

/** "พร้อมกรอก" when every unit is final; otherwise each unit that is not, with its status. */
export function itemStatus(m: Messages, list: ReportAssignment[]): string {
  const t: Texts = m.reports;
  if (!list.length) return t.unassigned;
  const open = list.filter((a) => !isFinal(a.status));
  if (!open.length) return t.ready;
  return t.notYetFinal(open.map((a) => `${a.unitName} (${m.status[a.status] ?? a.status})`).join(', '));
}

export function groupByItem(assignments: ReportAssignment[]): Map<number, ReportAssignment[]> {
  const m = new Map<number, ReportAssignment[]>();
  for (const a of assignments) {
    const list = m.get(a.itemId);
    if (list) list.push(a);
    else m.set(a.itemId, [a]);
  }
  return m;
}

export const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
