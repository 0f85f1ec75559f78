import { messages } from '../../messages/index.ts';
import { isAppError, type ImportRowError } from '../../shared/errors.ts';
import { displayName, personKey, unitKey } from '../../shared/thai-text.ts';
import type { Role } from '../auth/permissions.ts';
import { resolveItemNumber } from '../catalog/item-code.ts';
import { parsePeopleCell, type PersonEntry } from './cells/people.ts';
import { parseUnitCell, type AllUnits, type UnitName } from './cells/units.ts';
import type { Field } from './import.headers.ts';
import type { ParsedSheet, SheetRow } from './import.parse.ts';
import { LINE_USER_ID, parseResponsibility, parseRole, parseStatus, readDue, type Responsibility, type SheetStatus } from './import.values.ts';

export type UnitTarget =
  | { all: false; key: string; name: string; parent?: { key: string; name: string } }
  | { all: true }
  /** No unit, only an explanation ("ไม่มี เนื่องจาก…"): the unit of the item's preparer. */
  | { all: false; preparers: true };

export type ValidOfficer = { key: string; name: string; position: string | null; lineUserId: string | null; byPosition: boolean };

/** One (item, unit, person, role) of a sheet row; a row naming several units or people gives several. */
export type ValidRow = {
  row: number;
  itemId: number;
  itemNumber: number;
  itemCode: string;
  unit: UnitTarget;
  officer: ValidOfficer | null;
  role: Role;
  due: string | null;
  responsibility: Responsibility | null;
  status: SheetStatus | null;
};

/** What the dry run tells about rows beyond their errors. */
export type RowNotes = {
  continued: Array<{ row: number; from: number; item: string }>;
  allUnits: Array<{ row: number; item: string } & AllUnits>;
  notApplicable: Array<{ row: number; item: string; reason: string }>;
  positions: Array<{ row: number; position: string; role: Role }>;
};

export type Validated = { rows: ValidRow[]; errors: ImportRowError[]; labels: Record<Field, string>; notes: RowNotes };

/** What validation needs of the year's catalog: item ids by number. */
export type CatalogRef = { id: number; number: number; code: string };

const t = messages.th.importErrors;
const PROGRESS_EVERY = 500;

/**
 * Checks every row and collects every problem (row, column, Thai reason) instead of stopping at
 * the first, so the admin fixes the sheet in one go. Pure: runs in the import worker.
 */
export function validateRows(
  sheet: ParsedSheet,
  { year, items: catalogItems, orgName = '' }: { year: number; items: readonly CatalogRef[]; orgName?: string },
  onProgress?: (done: number, total: number) => void,
): Validated {
  const { labels, columns } = sheet;
  const errors: ImportRowError[] = [];
  const notes: RowNotes = { continued: [], allUnits: [], notApplicable: [], positions: [] };
  if (!columns.fields.has('item')) errors.push({ row: 1, column: labels.item, reason: t.missingColumn(labels.item) });
  // Without a unit column, the wide form's role columns name the units (seed 004).
  if (!columns.fields.has('unit') && columns.roleColumns.length === 0) errors.push({ row: 1, column: labels.unit, reason: t.missingColumn(labels.unit) });
  if (errors.length > 0) return { rows: [], errors, labels, notes };
  if (sheet.rows.length === 0) return { rows: [], errors: [{ row: 1, column: '', reason: t.empty }], labels, notes };

  const items = itemResolver(year, catalogItems);
  const rows: ValidRow[] = [];
  const total = sheet.rows.length;
  for (let i = 0; i < total; i++) {
    const r = sheet.rows[i]!;
    const row = r.rowNumber;
    const before = errors.length;
    const fail = (field: Field, reason: string) => errors.push({ row, column: labels[field], reason });

    const itemText = r.cells.item;
    const item = itemText ? items(itemText.replace(/[.\s]+$/, '')) : null;
    if (!itemText) fail('item', t.required);
    else if ('error' in item!) fail('item', item.error);
    const code = item && 'code' in item ? item.code : itemText ?? '';
    if (r.continues !== undefined && item && 'code' in item) notes.continued.push({ row, from: r.continues, item: code });

    const unitCell = r.cells.unit ? parseUnitCell(r.cells.unit, orgName) : { units: [], all: null, notApplicable: null };
    const units: UnitName[] = [...unitCell.units];
    let all = unitCell.all;

    const people = peopleOf(r, fail);
    for (const p of people.units) units.push(p);
    all ??= people.all;
    for (const o of people.officers) if (o.officer.byPosition) notes.positions.push({ row, position: o.officer.name, role: o.role });

    let status: SheetStatus | null = null;
    if (r.cells.status) {
      status = parseStatus(r.cells.status);
      if (!status) fail('status', t.status(r.cells.status));
      else if (status.kind === 'not_applicable' && !status.reason) fail('status', t.reasonRequired);
    }
    if (unitCell.notApplicable) status = { kind: 'not_applicable', reason: unitCell.notApplicable };
    if (status?.kind === 'not_applicable' && status.reason) notes.notApplicable.push({ row, item: code, reason: status.reason });

    const targets: UnitTarget[] = units.map((u) => ({ all: false as const, key: u.key, name: u.name, ...(u.parent ? { parent: u.parent } : {}) }));
    if (all) {
      targets.push({ all: true });
      notes.allUnits.push({ row, item: code, ...all });
    }
    if (targets.length === 0) {
      if (unitCell.notApplicable && people.officers.some((o) => o.role === 'preparer')) targets.push({ all: false, preparers: true });
      else fail(columns.fields.has('unit') ? 'unit' : 'officer', columns.fields.has('unit') ? t.required : t.noUnit);
    }

    const due = r.cells.due ? readDue(r.cells.due) : null;
    if (due && !due.ok) fail('due', due.yearOnly ? t.dueYearOnly(r.cells.due!) : t.date(r.cells.due!));
    const resp = r.cells.responsibility ? parseResponsibility(r.cells.responsibility) : null;
    if (r.cells.responsibility && !resp) fail('responsibility', t.responsibility(r.cells.responsibility));

    if (errors.length === before && item && 'id' in item) {
      // "X /ทุกส่วนราชการ" without a main/co column: X leads, the other units join in.
      const mixed = !resp && all && units.length > 0;
      for (const unit of targets) {
        const responsibility = resp ?? (mixed ? (unit.all ? 'co' : 'main') : null);
        const base = { row, itemId: item.id, itemNumber: item.number, itemCode: item.code, unit, due: due?.ok ? due.iso : null, responsibility, status };
        if (people.officers.length === 0) rows.push({ ...base, officer: null, role: 'preparer' });
        for (const o of people.officers) rows.push({ ...base, officer: o.officer, role: o.role });
      }
    }
    if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === total) onProgress?.(i + 1, total);
  }
  return { rows, errors, labels, notes };
}

/** The people of a row: the long form's officer column (with its role), the wide form's role columns. */
function peopleOf(r: SheetRow, fail: (f: Field, reason: string) => void) {
  const officers: Array<{ officer: ValidOfficer; role: Role }> = [];
  const units: UnitName[] = [];
  let all: AllUnits | null = null;
  const take = (entries: PersonEntry[], role: Role, extra?: { position: string | null; lineUserId: string | null }) => {
    for (const e of entries) {
      if (e.kind === 'all') all ??= e.all;
      else if (e.kind === 'unit') units.push({ name: e.name, key: unitKey(e.name) });
      else {
        const name = displayName(e.kind === 'person' ? e.name : e.position);
        const position = e.kind === 'person' ? e.position ?? extra?.position ?? null : displayName(e.position);
        officers.push({ officer: { key: personKey(name), name, position, lineUserId: extra?.lineUserId ?? null, byPosition: e.kind === 'position' }, role });
      }
    }
  };
  const roleText = r.cells.role ?? '';
  const role = roleText ? parseRole(roleText) : 'preparer';
  if (!role) fail('role', messages.th.importErrors.role(roleText));
  const lineUserId = r.cells.line_user_id?.trim() || null;
  if (lineUserId && !LINE_USER_ID.test(lineUserId)) fail('line_user_id', messages.th.importErrors.lineUserId(lineUserId));
  const position = r.cells.position?.replace(/\s+/g, ' ').trim() || null;
  if (r.cells.officer) {
    const entries = parsePeopleCell(r.cells.officer);
    const single = entries.filter((e) => e.kind === 'person' || e.kind === 'position').length === 1;
    take(entries, role ?? 'preparer', single ? { position, lineUserId } : undefined);
    if (!single && lineUserId) fail('line_user_id', messages.th.importErrors.lineIdSeveral);
  } else if (r.cells.role || position || lineUserId) {
    fail('officer', messages.th.importErrors.required);
  }
  for (const c of r.roleCells) take(parsePeopleCell(c.text), c.role);
  return { officers, units, all: all as AllUnits | null };
}

/** Resolves each distinct spelling once: a 20k-row sheet names only a few dozen items. */
function itemResolver(year: number, list: readonly CatalogRef[]) {
  const byNumber = new Map(list.map((i) => [i.number, i]));
  const cache = new Map<string, { id: number; number: number; code: string } | { error: string }>();
  return (code: string) => {
    let hit = cache.get(code);
    if (!hit) {
      try {
        const item = byNumber.get(resolveItemNumber(code, year, list.length))!;
        hit = { id: item.id, number: item.number, code: item.code };
      } catch (e) {
        if (!isAppError(e)) throw e;
        hit = { error: (messages.th.errors[e.code] as (p: Record<string, unknown>) => string)(e.params) };
      }
      cache.set(code, hit);
    }
    return hit;
  };
}
