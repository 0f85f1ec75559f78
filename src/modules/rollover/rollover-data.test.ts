import { describe, expect, it } from 'vitest';
import { readBuiltInCatalogs } from '../catalog/catalog.data.ts';
import { readBuiltInMappings } from './rollover.data.ts';
import { nextYear } from './rollover.plan.ts';

const catalogs = new Map(readBuiltInCatalogs().map((c) => [c.year, c]));
const mappings = readBuiltInMappings();

/** Character-bigram overlap of two titles (spaces, years and "ประจำปี" ignored). */
function similarity(a: string, b: string): number {
  const norm = (s: string) => s.replace(/\s|พ\.ศ\.\s*\d+|ประจำปี/g, '');
  const grams = (s: string) => new Set(Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2)));
  const x = grams(norm(a));
  const y = grams(norm(b));
  const shared = [...x].filter((g) => y.has(g)).length;
  return (2 * shared) / (x.size + y.size || 1);
}

describe('the shipped rollover mappings', () => {
  it('are 2566→2567 and 2567→2568, each naming the seeds it comes from', () => {
    expect(mappings.map((m) => `${m.from}→${m.to}`)).toEqual(['2566→2567', '2567→2568']);
    for (const m of mappings) expect(m.sources.join(' ')).toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
  });

  for (const m of mappings) {
    describe(`${m.from}→${m.to}`, () => {
      const from = catalogs.get(m.from)!;
      const to = catalogs.get(m.to)!;

      it('accounts for every item of both catalogs exactly once, with kinds that fit', () => {
        const fromCodes = m.entries.flatMap((e) => e.from);
        const toCodes = m.entries.map((e) => e.to).filter(Boolean);
        expect([...new Set(toCodes)].sort()).toEqual(to.items.map((i) => i.code).sort());
        expect(toCodes).toHaveLength(to.items.length);
        const splitSources = new Set(m.entries.filter((e) => e.kind === 'split').flatMap((e) => e.from));
        expect(new Set(fromCodes)).toEqual(new Set(from.items.map((i) => i.code)));
        for (const c of fromCodes) if (!splitSources.has(c)) expect(fromCodes.filter((x) => x === c), c).toHaveLength(1);
        for (const e of m.entries) {
          if (e.kind === 'new') expect(e.from).toEqual([]);
          if (e.kind === 'dropped') expect([e.to, e.from.length]).toEqual([null, 1]);
          if (e.kind === 'merged') expect(e.from.length).toBeGreaterThan(1);
          if (e.kind === 'equal') expect(e.from).toHaveLength(1);
          for (const c of e.inferred ?? []) expect(e.from).toContain(c);
        }
      });

      it('maps items whose titles agree, or whose new components ask for the old item (Q&A → contact); the rest is marked inferred', () => {
        const item = (c: typeof from, code: string) => c.items.find((i) => i.code === code)!;
        for (const e of m.entries.filter((x) => x.to)) {
          const target = item(to, e.to!);
          for (const code of e.from) {
            if (e.inferred?.includes(code)) continue;
            const old = item(from, code);
            const agree = similarity(old.title, target.title) >= 0.3 || target.components.join(' ').includes(old.title);
            expect(agree, `${m.from} ${code} "${old.title}" → ${m.to} ${e.to} "${target.title}"`).toBe(true);
          }
        }
      });
    });
  }

  it('holds the facts from the seeds', () => {
    const [m66, m67] = mappings as [(typeof mappings)[0], (typeof mappings)[0]];
    const entry = (m: typeof m66, to: string) => m.entries.find((e) => e.to === to)!;
    expect(entry(m67, 'O1')).toMatchObject({ kind: 'merged', from: ['O1', 'O3'] });
    expect(entry(m67, 'O12')).toMatchObject({ kind: 'merged', from: ['O14', 'O16'] });
    expect(entry(m67, 'O22')).toMatchObject({ from: ['O28', 'O29'], inferred: ['O28'] });
    expect(m67.entries.filter((e) => e.kind === 'dropped').map((e) => e.from[0])).toEqual(['O15']);
    expect(entry(m66, 'O8')).toMatchObject({ kind: 'merged', from: ['O11', 'O12'] });
    expect(m66.entries.filter((e) => e.kind === 'new').map((e) => e.to)).toEqual(['O14', 'O29']);
    expect(m66.entries.filter((e) => e.kind === 'dropped').map((e) => e.from[0])).toEqual(['O6', 'O9', 'O10', 'O17', 'O24', 'O25', 'O37', 'O41']);
  });

  it('moves due dates by one calendar year, 29 February to 28 February', () => {
    expect(nextYear('2025-03-31')).toBe('2026-03-31');
    expect(nextYear('2024-02-29')).toBe('2025-02-28');
  });
});
