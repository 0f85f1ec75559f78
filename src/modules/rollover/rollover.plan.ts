import type { Mapping } from './rollover.data.ts';

export type Role = 'preparer' | 'supervisor' | 'certifier';

/** An assignment of the year being rolled over, as the plan needs it. */
export type SourceAssignment = {
  itemCode: string;
  unitId: number;
  unitName: string;
  responsibility: 'main' | 'co';
  dueOn: string | null;
  people: Array<{ officerId: number; role: Role }>;
  evidence: Array<{ url: string; label: string | null }>;
};

/** What the new year gets for one (item, unit). */
export type TargetAssignment = {
  itemCode: string;
  unitId: number;
  unitName: string;
  responsibility: 'main' | 'co';
  dueOn: string | null;
  people: Array<{ officerId: number; role: Role }>;
  hints: Array<{ url: string; label: string | null; fromItemCode: string }>;
};

export type PlanLine = { kind: Mapping['entries'][number]['kind']; to: string | null; from: string[]; inferred: string[]; units: string[] };

export type RolloverPlan = { targets: TargetAssignment[]; lines: PlanLine[] };

/**
 * Maps last year's assignments onto the new catalog: every source item of an entry feeds its
 * target, per unit. A unit on several merged items keeps one assignment with everyone on them
 * (main if it was main on any), the earliest due date moved by a year (or `due`), and every
 * evidence link as a hint. Statuses are not carried: the new year starts from not started.
 */
export function planRollover(mapping: Mapping, sources: SourceAssignment[], opts: { due?: string } = {}): RolloverPlan {
  const byItem = new Map<string, SourceAssignment[]>();
  for (const s of sources) byItem.set(s.itemCode, [...(byItem.get(s.itemCode) ?? []), s]);
  const targets: TargetAssignment[] = [];
  const lines: PlanLine[] = [];
  for (const e of mapping.entries) {
    const from = e.from.flatMap((c) => byItem.get(c) ?? []);
    const units = [...new Map(from.map((s) => [s.unitId, s.unitName])).values()];
    lines.push({ kind: e.kind, to: e.to, from: e.from, inferred: e.inferred ?? [], units });
    if (!e.to) continue;
    const perUnit = new Map<number, TargetAssignment>();
    for (const s of from) {
      let t = perUnit.get(s.unitId);
      if (!t) {
        t = { itemCode: e.to, unitId: s.unitId, unitName: s.unitName, responsibility: s.responsibility, dueOn: null, people: [], hints: [] };
        perUnit.set(s.unitId, t);
        targets.push(t);
      }
      if (s.responsibility === 'main') t.responsibility = 'main';
      const due = opts.due ?? (s.dueOn ? nextYear(s.dueOn) : null);
      if (due && (!t.dueOn || due < t.dueOn)) t.dueOn = due;
      for (const p of s.people) if (!t.people.some((q) => q.officerId === p.officerId && q.role === p.role)) t.people.push(p);
      for (const ev of s.evidence) if (!t.hints.some((h) => h.url === ev.url)) t.hints.push({ ...ev, fromItemCode: s.itemCode });
    }
  }
  return { targets, lines };
}

/** The same calendar day a year later (29 February becomes 28 February). */
export function nextYear(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
