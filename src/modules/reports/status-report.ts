import type { Messages } from '../../messages/index.ts';
import { formatThaiDate } from '../../shared/thai-date.ts';
import type { CatalogItem } from '../catalog/catalog.repository.ts';
import { groupByItem, unique } from './itas.ts';
import type { ReportAssignment } from './reports.repository.ts';
import type { Sheet } from './sheets.ts';

/**
 * The working group's status table, shaped like the agencies' own (seed 002): per catalog item
 * its main and co-responsible units, preparers with positions, supervisors, certifiers, the
 * status in Thai (per unit when units differ), the due date in พ.ศ., every evidence link and the
 * last return comment.
 */
export function statusSheet(m: Messages, items: CatalogItem[], assignments: ReportAssignment[]): Sheet {
  const t = m.reports;
  const byItem = groupByItem(assignments);
  const rows = items.map((item) => {
    const list = byItem.get(item.id) ?? [];
    const several = new Set(list.map((a) => a.unitId)).size > 1;
    const perUnit = (a: ReportAssignment, s: string) => (several ? `${a.unitName}: ${s}` : s);
    const people = (role: 'preparer' | 'supervisor' | 'certifier') =>
      unique(list.flatMap((a) => a.people.filter((p) => p.role === role).map((p) => (p.position ? `${p.name} (${p.position})` : p.name)))).join('\n');
    const statuses = unique(list.map((a) => a.status));
    const status = !list.length
      ? t.unassigned
      : statuses.length === 1
        ? m.status[statuses[0]!]!
        : list.map((a) => perUnit(a, m.status[a.status] ?? a.status)).join('\n');
    const dues = unique(list.map((a) => a.dueOn).filter((d): d is string => Boolean(d))).sort();
    const due = dues.length <= 1 ? (dues[0] ? formatThaiDate(dues[0], 'long') : '') : list.filter((a) => a.dueOn).map((a) => perUnit(a, formatThaiDate(a.dueOn!, 'long'))).join('\n');
    return [
      item.code,
      item.title,
      unique(list.filter((a) => a.responsibility === 'main').map((a) => a.unitName)).join('\n'),
      unique(list.filter((a) => a.responsibility === 'co').map((a) => a.unitName)).join('\n'),
      people('preparer'),
      people('supervisor'),
      people('certifier'),
      status,
      due,
      unique(list.flatMap((a) => a.evidence.map((e) => e.url))).join('\n'),
      list.filter((a) => a.lastReturn).map((a) => perUnit(a, a.lastReturn!)).join('\n'),
    ];
  });
  return {
    name: t.statusSheetName,
    columns: [
      { header: t.col.item, width: 7 },
      { header: t.col.title, width: 40 },
      { header: t.col.mainUnits, width: 28 },
      { header: t.col.coUnits, width: 28 },
      { header: t.col.preparers, width: 34 },
      { header: t.col.supervisors, width: 34 },
      { header: t.col.certifiers, width: 34 },
      { header: t.col.status, width: 26 },
      { header: t.col.due, width: 18 },
      { header: t.col.urls, width: 50 },
      { header: t.col.lastReturn, width: 36 },
    ],
    rows,
  };
}
