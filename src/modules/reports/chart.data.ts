import type { Status } from '../assignments/workflow.ts';
import type { CatalogItem } from '../catalog/catalog.repository.ts';
import { isFinal } from './final-status.ts';
import type { ReportAssignment } from './reports.repository.ts';

/** The chart's four bands, in drawing order. */
export const BANDS = ['approved', 'submitted', 'inProgress', 'notStarted'] as const;
export type Band = (typeof BANDS)[number];
export type BandCounts = Record<Band, number>;

export type ChartRow = { label: string; counts: BandCounts; total: number };
export type ChartData = { bySubIndicator: ChartRow[]; byUnit: ChartRow[]; total: BandCounts & { all: number } };

/** Final states count as approved; in review (submitted or checked) as submitted; returned work is back in progress. */
export function bandOf(status: Status): Band {
  if (isFinal(status)) return 'approved';
  if (status === 'submitted' || status === 'checked') return 'submitted';
  if (status === 'not_started') return 'notStarted';
  return 'inProgress';
}

const empty = (): BandCounts => ({ approved: 0, submitted: 0, inProgress: 0, notStarted: 0 });

/** Assignments (item × unit) per band, by sub-indicator in catalog order and by unit by name. */
export function chartData(items: CatalogItem[], subIndicators: Array<{ code: string; title: string }>, assignments: ReportAssignment[]): ChartData {
  const subOf = new Map(items.map((i) => [i.id, i.subIndicator]));
  const bySub = new Map(subIndicators.map((s) => [s.code, { label: `${s.code} ${s.title}`, counts: empty(), total: 0 }]));
  const byUnit = new Map<string, ChartRow>();
  const total = { ...empty(), all: 0 };
  for (const a of assignments) {
    const band = bandOf(a.status);
    const sub = bySub.get(subOf.get(a.itemId) ?? '');
    let unit = byUnit.get(a.unitName);
    if (!unit) byUnit.set(a.unitName, (unit = { label: a.unitName, counts: empty(), total: 0 }));
    for (const row of [sub, unit]) {
      if (!row) continue;
      row.counts[band]++;
      row.total++;
    }
    total[band]++;
    total.all++;
  }
  return {
    bySubIndicator: [...bySub.values()].filter((r) => r.total > 0),
    byUnit: [...byUnit.values()].sort((x, y) => x.label.localeCompare(y.label, 'th')),
    total,
  };
}
