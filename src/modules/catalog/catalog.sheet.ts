import { messages } from '../../messages/index.ts';
import type { ImportRowError } from '../../shared/errors.ts';
import { thaiDigitsToArabic } from '../../shared/thai-text.ts';
import { normalizeHeader } from '../import/import.headers.ts';
import type { Cell, GridRow } from '../import/sheet/grid.ts';
import type { CatalogContent, CatalogContentItem } from './catalog.content.ts';
import { cleanCatalogText, splitComponents, splitNotes } from './catalog.text.ts';
import { sortSubs, validateContent } from './catalog.validate.ts';
import { parseItemNumber } from './item-code.ts';

/**
 * A catalog sheet: one row per item (its components one per line in the component cell) or one
 * row per component (the code repeated, or left empty under its item). Headers in English or Thai.
 * A row whose code cell holds a heading ("ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน", a group title)
 * sets the sub-indicator or group of the items below it, as in NACC's own tables.
 */
export const CATALOG_FIELDS = ['code', 'title', 'indicator', 'sub_indicator', 'group', 'component', 'note', 'scoring', 'data_period'] as const;
export type CatalogField = (typeof CATALOG_FIELDS)[number];

export const CATALOG_HEADERS: Record<CatalogField, string> = {
  code: 'ข้อ (code)',
  title: 'ข้อมูล (title)',
  indicator: 'ตัวชี้วัด (indicator)',
  sub_indicator: 'ตัวชี้วัดย่อย (sub_indicator)',
  group: 'กลุ่ม (group)',
  component: 'องค์ประกอบด้านข้อมูล (component)',
  note: 'หมายเหตุ (note)',
  scoring: 'ระดับคะแนน (scoring)',
  data_period: 'ช่วงเวลาของข้อมูล (data_period)',
};

const ALIASES: Record<CatalogField, string[]> = {
  code: ['code', 'item', 'itemcode', 'ข้อ', 'ข้อที่', 'รหัส', 'รหัสข้อ'],
  title: ['title', 'name', 'ข้อมูล', 'ชื่อข้อ', 'ชื่อข้อมูล', 'ชื่อ', 'หัวข้อ'],
  indicator: ['indicator', 'ตัวชี้วัด', 'ตัวชี้วัดที่'],
  sub_indicator: ['subindicator', 'sub', 'ตัวชี้วัดย่อย', 'ตัวชี้วัดย่อยที่'],
  group: ['group', 'grouptitle', 'กลุ่ม', 'หมวด', 'กลุ่มข้อมูล', 'ประเด็น'],
  component: ['component', 'components', 'องค์ประกอบ', 'องค์ประกอบด้านข้อมูล', 'องค์ประกอบของข้อมูล', 'รายละเอียดองค์ประกอบด้านข้อมูล', 'รายละเอียดองค์ประกอบ'],
  note: ['note', 'notes', 'หมายเหตุ'],
  scoring: ['scoring', 'score', 'ระดับคะแนน', 'เกณฑ์การให้คะแนน', 'เกณฑ์คะแนน'],
  data_period: ['dataperiod', 'period', 'ช่วงเวลาของข้อมูล', 'ช่วงเวลาข้อมูล', 'ระยะเวลาของข้อมูล'],
};
const BY_NAME = new Map(Object.entries(ALIASES).flatMap(([f, names]) => names.map((n) => [n, f as CatalogField] as const)));

const t = messages.th.catalog.errors;
type Draft = {
  row: number; number: number; code: string; title: string; indicator: number | null;
  /** From the item's own cells; the heading rows above it give the defaults. */
  sub: string | null; group: string | null; headingSub: string; headingGroup: string;
  components: string[]; notes: string[]; scoring: string | null; dataPeriod: string | null;
};

export type CatalogSheetResult = { content: CatalogContent | null; errors: ImportRowError[] };

export function parseCatalogRows(rows: GridRow[], { year, source }: { year: number; source: string }): CatalogSheetResult {
  const errors: ImportRowError[] = [];
  const headerAt = rows.findIndex((r, i) => i < 30 && columnsOf(r.cells).has('code') && columnsOf(r.cells).has('component'));
  if (headerAt < 0) {
    return { content: null, errors: [{ row: 1, column: '', reason: t.missingColumns(CATALOG_HEADERS.code, CATALOG_HEADERS.component) }] };
  }
  const columns = columnsOf(rows[headerAt]!.cells);
  const label = (f: CatalogField) => CATALOG_HEADERS[f];
  const subTitles = new Map<string, { indicator: number; title: string }>();
  const items = new Map<number, Draft>();
  let current: Draft | null = null;
  let heading = { sub: '', group: '' };
  const get = (cells: Cell[], f: CatalogField) => {
    const i = columns.get(f);
    return i === undefined ? '' : String(cells[i] ?? '').trim();
  };

  for (const { row, cells } of rows.slice(headerAt + 1)) {
    const fail = (f: CatalogField, reason: string) => errors.push({ row, column: label(f), reason });
    const codeCell = get(cells, 'code');
    if (columnsOf(cells).has('code') && normalizeHeader(codeCell) !== '' && BY_NAME.get(normalizeHeader(codeCell)) === 'code') continue; // a repeated header
    const n = codeCell ? parseItemNumber(codeCell.replace(/\.$/, '')) : null;
    const rest = CATALOG_FIELDS.filter((f) => f !== 'code' && get(cells, f) !== '');
    const content = rest.some((f) => f === 'component' || f === 'note' || f === 'scoring' || f === 'data_period');
    if (!codeCell && !content && rest.length > 0) {
      // A heading written in the title column (or a merged cell): nothing of an item on this row.
      heading = readHeading(String(cells.find((c) => String(c).trim() !== '') ?? ''), heading, subTitles);
      current = null;
      continue;
    }
    if (codeCell && n === null) {
      if (rest.length > 0 && get(cells, 'component')) { fail('code', t.badCode(codeCell)); continue; }
      heading = readHeading(codeCell, heading, subTitles);
      current = null;
      continue;
    }
    if (n !== null) {
      current = items.get(n) ?? null;
      if (!current) {
        current = {
          row, number: n, code: `O${n}`, title: '', indicator: null, sub: null, group: null, headingSub: heading.sub, headingGroup: heading.group,
          components: [], notes: [], scoring: null, dataPeriod: null,
        };
        items.set(n, current);
      }
    } else if (!current) {
      if (rest.length > 0) fail('code', t.codeRequired);
      continue;
    }
    const d = current;
    const continued = n === null;
    const once = (f: CatalogField, prev: string | null, next: string): string | null => {
      if (!next || prev === next) return prev || next || null;
      // NACC's tables put "0 คะแนน: …" on the row below "100 คะแนน: …".
      if (prev && continued && f === 'scoring') return `${prev} / ${next}`;
      if (prev) fail(f, t.conflict(d.code, prev, next));
      return prev || next;
    };
    d.title = once('title', d.title, cleanCatalogText(get(cells, 'title'))) ?? '';
    const sub = get(cells, 'sub_indicator');
    if (sub) {
      const parsed = parseSub(sub);
      if (!parsed) fail('sub_indicator', t.badSub(sub));
      else {
        if (parsed.title) subTitles.set(parsed.code, { indicator: parsed.indicator, title: parsed.title });
        d.sub = once('sub_indicator', d.sub, parsed.code);
      }
    }
    const ind = get(cells, 'indicator');
    if (ind) {
      const v = Number(/\d+/.exec(thaiDigitsToArabic(ind))?.[0]);
      if (!Number.isInteger(v) || v < 1) fail('indicator', t.badIndicator(ind));
      else if (d.indicator !== null && d.indicator !== v) fail('indicator', t.conflict(d.code, String(d.indicator), String(v)));
      else d.indicator = v;
    }
    d.group = once('group', d.group, cleanCatalogText(get(cells, 'group')));
    const split = splitComponents(get(cells, 'component'));
    d.components.push(...split.components);
    d.notes.push(...split.notes, ...splitNotes(get(cells, 'note')));
    d.scoring = once('scoring', d.scoring, cleanCatalogText(get(cells, 'scoring')));
    d.dataPeriod = once('data_period', d.dataPeriod, cleanCatalogText(get(cells, 'data_period')));
  }
  return finish([...items.values()], subTitles, { year, source }, errors, label);
}

function finish(
  drafts: Draft[], subTitles: Map<string, { indicator: number; title: string }>, meta: { year: number; source: string },
  errors: ImportRowError[], label: (f: CatalogField) => string,
): CatalogSheetResult {
  const items: CatalogContentItem[] = drafts.sort((a, b) => a.number - b.number).map((d) => {
    const sub = d.sub || d.headingSub;
    return {
      code: d.code, number: d.number, indicator: d.indicator ?? (Number(sub.split('.')[0]) || 0), subIndicator: sub,
      group: d.group || d.headingGroup || subTitles.get(sub)?.title || '', title: d.title,
      components: d.components, notes: d.notes, scoring: d.scoring, dataPeriod: d.dataPeriod,
    };
  });
  const used = new Set(items.map((i) => i.subIndicator));
  const subIndicators = [...subTitles].filter(([code]) => used.has(code)).map(([code, x]) => ({ code, indicator: x.indicator, title: x.title }));
  const content = { ...meta, subIndicators, items };
  const rows = new Map(drafts.map((d) => [d.number, d.row]));
  const all = [...errors, ...validateContent(content, (n) => rows.get(n) ?? 1, label)].sort((a, b) => a.row - b.row);
  return all.length > 0 ? { content: null, errors: all } : { content: sortSubs(content), errors: [] };
}

function columnsOf(cells: Cell[]): Map<CatalogField, number> {
  const out = new Map<CatalogField, number>();
  cells.forEach((c, i) => {
    const f = BY_NAME.get(normalizeHeader(String(c)));
    if (f && !out.has(f)) out.set(f, i);
  });
  return out;
}

/** "9.1 ข้อมูลพื้นฐาน", "ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน", "๙.๑", "9.1". */
function parseSub(text: string): { code: string; indicator: number; title: string } | null {
  const m = /^(?:ตัวชี้วัดย่อย(?:ที่)?\s*)?(\d{1,2})\.(\d{1,2})\s*(.*)$/su.exec(cleanCatalogText(thaiDigitsToArabic(text)));
  if (!m) return null;
  return { code: `${Number(m[1])}.${Number(m[2])}`, indicator: Number(m[1]), title: m[3]!.trim() };
}

/** A heading row: a sub-indicator ("ตัวชี้วัดย่อยที่ 9.2 …"), an indicator ("ตัวชี้วัดที่ 10 …") or a group title. */
function readHeading(text: string, prev: { sub: string; group: string }, subs: Map<string, { indicator: number; title: string }>) {
  const sub = parseSub(text);
  if (sub && /^(ตัวชี้วัดย่อย|\d)/.test(thaiDigitsToArabic(text.trim()))) {
    if (sub.title) subs.set(sub.code, { indicator: sub.indicator, title: sub.title });
    return { sub: sub.code, group: '' };
  }
  if (/^ตัวชี้วัด(ที่)?\s*\d/.test(thaiDigitsToArabic(text.trim()))) return { sub: prev.sub, group: '' };
  return { sub: prev.sub, group: cleanCatalogText(text).replace(/\*+$/, '') };
}
