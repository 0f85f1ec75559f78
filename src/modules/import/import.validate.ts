import { messages } from '../../messages/index.ts';
import { isAppError, type ImportRowError } from '../../shared/errors.ts';
import { displayName, personKey, squashSpaces, unitKey } from '../../shared/thai-text.ts';
import type { Role } from '../auth/permissions.ts';
import { resolveItemNumber } from '../catalog/item-code.ts';
import { columnLabels, matchHeaders, REQUIRED_FIELDS, type Field } from './import.headers.ts';
import type { ParsedSheet } from './import.parse.ts';
import { isAllUnits, LINE_USER_ID, parseDue, parseResponsibility, parseRole, type Responsibility } from './import.values.ts';

/** One sheet row, checked and normalized; nothing in it depends on the database yet. */
export type ValidRow = {
  row: number;
  itemId: number;
  itemCode: string;
  unit: { all: true } | { all: false; key: string; name: string };
  officer: { key: string; name: string; position: string | null; lineUserId: string | null } | null;
  role: Role;
  due: string | null;
  responsibility: Responsibility | null;
};

export type Validated = { rows: ValidRow[]; errors: ImportRowError[]; labels: Record<Field, string> };

const t = messages.th;
const PROGRESS_EVERY = 500;

/**
 * Checks every row and collects every problem (row, column, Thai reason) instead of stopping at
 * the first, so the admin fixes the sheet in one go.
 */
export function validateRows(
  sheet: ParsedSheet,
  { year, items: catalogItems }: { year: number; items: readonly CatalogRef[] },
  onProgress?: (done: number, total: number) => void,
): Validated {
  const labels = columnLabels(sheet.headers);
  const errors: ImportRowError[] = [];
  const present = new Set(matchHeaders(sheet.headers).values());
  for (const f of REQUIRED_FIELDS) {
    if (!present.has(f)) errors.push({ row: 1, column: labels[f], reason: t.importErrors.missingColumn(labels[f]) });
  }
  if (errors.length > 0) return { rows: [], errors, labels };
  if (sheet.rows.length === 0) return { rows: [], errors: [{ row: 1, column: '', reason: t.importErrors.empty }], labels };

  const items = itemResolver(year, catalogItems);
  const rows: ValidRow[] = [];
  const total = sheet.rows.length;
  for (let i = 0; i < total; i++) {
    const { rowNumber: row, cells } = sheet.rows[i]!;
    const fail = (field: Field, reason: string) => errors.push({ row, column: labels[field], reason });
    const before = errors.length;

    const item = cells.item ? items(cells.item) : null;
    if (!cells.item) fail('item', t.importErrors.required);
    else if ('error' in item!) fail('item', item.error);

    const unitName = squashSpaces(cells.unit ?? '');
    if (!unitName) fail('unit', t.importErrors.required);

    const roleText = cells.role ?? '';
    const role = roleText ? parseRole(roleText) : 'preparer';
    if (!role) fail('role', t.importErrors.role(roleText));

    const due = cells.due ? parseDue(cells.due) : null;
    if (cells.due && !due) fail('due', t.importErrors.date(cells.due));

    const resp = cells.responsibility ? parseResponsibility(cells.responsibility) : null;
    if (cells.responsibility && !resp) fail('responsibility', t.importErrors.responsibility(cells.responsibility));

    const lineUserId = cells.line_user_id?.trim() || null;
    if (lineUserId && !LINE_USER_ID.test(lineUserId)) fail('line_user_id', t.importErrors.lineUserId(lineUserId));

    const officerName = displayName(cells.officer ?? '');
    const key = officerName ? personKey(officerName) : '';
    if (!key && (cells.officer || cells.role || cells.position || lineUserId)) fail('officer', t.importErrors.required);

    if (errors.length === before && item && 'id' in item) {
      rows.push({
        row,
        itemId: item.id,
        itemCode: item.code,
        unit: isAllUnits(unitName) ? { all: true } : { all: false, key: unitKey(unitName), name: unitName },
        officer: key ? { key, name: officerName, position: squashSpaces(cells.position ?? '') || null, lineUserId } : null,
        role: role!,
        due,
        responsibility: resp,
      });
    }
    if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === total) onProgress?.(i + 1, total);
  }
  return { rows, errors, labels };
}

/** What validation needs of the year's catalog: item ids by number. */
export type CatalogRef = { id: number; number: number; code: string };

/** Resolves each distinct spelling once: a 20k-row sheet names only a few dozen items. */
function itemResolver(year: number, list: readonly CatalogRef[]) {
  const byNumber = new Map(list.map((i) => [i.number, i]));
  const cache = new Map<string, { id: number; code: string } | { error: string }>();
  return (code: string) => {
    let hit = cache.get(code);
    if (!hit) {
      try {
        const item = byNumber.get(resolveItemNumber(code, year, list.length))!;
        hit = { id: item.id, code: item.code };
      } catch (e) {
        if (!isAppError(e)) throw e;
        hit = { error: (t.errors[e.code] as (p: Record<string, unknown>) => string)(e.params) };
      }
      cache.set(code, hit);
    }
    return hit;
  };
}
