import { messages } from '../../messages/index.ts';
import type { ImportRowError } from '../../shared/errors.ts';
import type { CatalogContent } from './catalog.content.ts';

const t = messages.th.catalog.errors;

type Label = (field: 'code' | 'title' | 'indicator' | 'sub_indicator' | 'group' | 'component') => string;

/**
 * What every catalog must satisfy, from a sheet or JSON: items O1…On numbered without gaps, each
 * with a title, at least one component and a declared sub-indicator of its own indicator.
 * `rowOf` says where an item was written (its sheet row; 1 for JSON).
 */
export function validateContent(c: CatalogContent, rowOf: (n: number) => number, label: Label): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const subs = new Map<string, { indicator: number; title: string }>();
  for (const s of c.subIndicators) {
    if (subs.has(s.code)) errors.push({ row: 1, column: label('sub_indicator'), reason: t.duplicateSub(s.code) });
    if (Number(s.code.split('.')[0]) !== s.indicator) errors.push({ row: 1, column: label('sub_indicator'), reason: t.subMismatch(s.code, s.code, s.indicator) });
    subs.set(s.code, s);
  }
  const items = [...c.items].sort((a, b) => a.number - b.number);
  if (items.length === 0) errors.push({ row: 1, column: '', reason: t.empty });
  const present = new Set(items.map((i) => i.number));
  for (let n = 1; n <= (items.at(-1)?.number ?? 0); n++) {
    const next = items.find((i) => i.number > n)!;
    if (!present.has(n)) errors.push({ row: rowOf(next.number), column: label('code'), reason: t.gap(n, next.code) });
  }
  items.forEach((item, i) => {
    const fail = (f: Parameters<Label>[0], reason: string) => errors.push({ row: rowOf(item.number), column: label(f), reason });
    if (items[i - 1]?.number === item.number) fail('code', t.duplicate(item.code));
    if (item.code !== `O${item.number}`) fail('code', t.badCode(item.code));
    if (!item.title.trim()) fail('title', t.required(item.code));
    if (item.components.filter((x) => x.trim()).length === 0) fail('component', t.noComponents(item.code));
    const sub = subs.get(item.subIndicator);
    if (!item.subIndicator) fail('sub_indicator', t.required(item.code));
    else if (!sub) fail('sub_indicator', t.unknownSub(item.subIndicator));
    else if (sub.indicator !== item.indicator) fail('indicator', t.subMismatch(item.code, item.subIndicator, item.indicator));
  });
  return errors;
}

/** Sub-indicators in catalog order: indicator first ("10.1" after "9.5"), then number. */
export function sortSubs(c: CatalogContent): CatalogContent {
  const key = (code: string) => code.split('.').map(Number) as [number, number];
  const subIndicators = [...c.subIndicators].sort((a, b) => key(a.code)[0] - key(b.code)[0] || key(a.code)[1] - key(b.code)[1]);
  return { ...c, subIndicators, items: [...c.items].sort((a, b) => a.number - b.number) };
}
