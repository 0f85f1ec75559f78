import { thaiDigitsToArabic } from '../../shared/thai-text.ts';
import { yielder } from '../../shared/yield.ts';

export type Named = { key: string; name: string; existing: boolean; rows: number[] };
export type NearDuplicate = { kind: 'unit' | 'officer'; a: Named; b: Named; suggestion: { alias: string; to: string } };

/** Beyond this many names per kind only the abbreviation rule runs (the pairwise check is quadratic). */
const FUZZY_LIMIT = 3000;

/** Abbreviations and generic words units are written with or without: ก./กง./ก.ย. (กลุ่มงาน), สนง./สนจ., ฯ. */
function unitCore(key: string): string {
  let s = thaiDigitsToArabic(key).replace(/ฯ/g, '');
  for (let i = 0; i < 3; i++) s = s.replace(/^([ก-ฮ]{1,3}\.)+/u, '').replace(/^(กลุ่มงาน|กลุ่ม|กอง|งาน|สำนักงาน|สำนัก|ฝ่าย|ส่วน|ศูนย์)/u, '');
  return s;
}

const digits = (s: string) => thaiDigitsToArabic(s).replace(/\D/g, '');

/** Edit distance, giving up once it is above `max` (banded). */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return false;
    prev = cur;
  }
  return prev[b.length]! <= max;
}

/**
 * Names that differ only by an abbreviation or a small spelling difference (ก.ย.ยุทธศาสตร์ฯ /
 * กง.ยุทธศาสตร์ฯ, สนจ.พท. / สนง.พท., สำนักงานเลขาธิการ / เลขานุการ อบจ., a name with ฑ in one row and
 * ฆ in another): asked about, never silently merged or split. At least one name of each pair is
 * new in this import (two stored ones were accepted before). Names differing in their digits
 * (กลุ่มงานที่ 1 / 2) are different.
 */
export async function nearDuplicates(kind: 'unit' | 'officer', names: Named[]): Promise<NearDuplicate[]> {
  const pause = yielder(200);
  const out: NearDuplicate[] = [];
  const seen = new Set<string>();
  const push = (a: Named, b: Named) => {
    const id = [a.key, b.key].sort().join('|');
    if (seen.has(id) || (a.existing && b.existing)) return;
    seen.add(id);
    // Keep the stored name, else the one more rows use, else the one written first.
    const first = (n: Named) => Math.min(...n.rows, Number.MAX_SAFE_INTEGER);
    const keep = b.existing !== a.existing ? (b.existing ? b : a)
      : b.rows.length !== a.rows.length ? (b.rows.length > a.rows.length ? b : a)
      : (first(b) < first(a) ? b : a);
    const other = keep === a ? b : a;
    out.push({ kind, a, b, suggestion: { alias: other.name, to: keep.name } });
  };
  if (kind === 'unit') {
    const byCore = new Map<string, Named[]>();
    for (const n of names) {
      const core = unitCore(n.key);
      if (core.length >= 3) byCore.set(core, [...(byCore.get(core) ?? []), n]);
    }
    for (const group of byCore.values()) for (let i = 1; i < group.length; i++) push(group[0]!, group[i]!);
  }
  if (names.length > FUZZY_LIMIT) return out;
  const sorted = [...names].sort((x, y) => x.key.length - y.key.length);
  for (let i = 0; i < sorted.length; i++) {
    await pause();
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.key.length - a.key.length > 2) break;
      if (a.existing && b.existing) continue;
      const max = Math.min(a.key.length, b.key.length) >= 12 ? 2 : a.key.length >= 5 ? 1 : 0;
      if (max === 0 || digits(a.key) !== digits(b.key)) continue;
      if (withinDistance(a.key, b.key, max)) push(a, b);
    }
  }
  return out;
}
