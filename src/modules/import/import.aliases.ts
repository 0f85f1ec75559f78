import { messages } from '../../messages/index.ts';
import type { ImportRowError } from '../../shared/errors.ts';
import { displayName, personKey, squashSpaces, unitKey } from '../../shared/thai-text.ts';
import { cellToText } from './cells/text.ts';
import { normalizeHeader } from './import.headers.ts';
import type { AliasMap } from './import.plan.ts';
import type { Alias } from './import.repository.ts';
import type { Grid } from './sheet/grid.ts';

export type AliasKind = 'unit' | 'officer';
export const aliasKey = (kind: AliasKind, name: string) => (kind === 'unit' ? unitKey(name) : personKey(name));

/** An alias as written (CLI, API, sheet row), with its keys. */
export function makeAlias(kind: AliasKind, alias: string, target: string): Alias {
  const a = kind === 'unit' ? squashSpaces(alias) : displayName(alias);
  const b = kind === 'unit' ? squashSpaces(target) : displayName(target);
  return { kind, alias: a, aliasKey: aliasKey(kind, a), target: b, targetKey: aliasKey(kind, b) };
}

/** The aliases in force for an import: the organization's, then the file's own aliases sheet. */
export function aliasMap(stored: readonly Alias[], fromSheet: readonly Alias[] = []): AliasMap {
  const map: AliasMap = { unit: new Map(), officer: new Map() };
  for (const a of [...stored, ...fromSheet]) if (a.aliasKey !== a.targetKey) map[a.kind as AliasKind].set(a.aliasKey, { key: a.targetKey, name: a.target });
  // A → B and B → C: A means C.
  for (const kind of ['unit', 'officer'] as const) {
    for (const [k, v] of map[kind]) {
      let target = v;
      for (let hop = 0; hop < 10 && map[kind].has(target.key) && target.key !== k; hop++) target = map[kind].get(target.key)!;
      map[kind].set(k, target);
    }
  }
  return map;
}

const KIND: Record<string, AliasKind> = {
  unit: 'unit', หน่วยงาน: 'unit', ส่วนราชการ: 'unit', กลุ่มงาน: 'unit',
  officer: 'officer', person: 'officer', เจ้าหน้าที่: 'officer', บุคคล: 'officer', ชื่อ: 'officer', ผู้รับผิดชอบ: 'officer',
};

/**
 * An "aliases" sheet in the workbook (ชื่อเรียกอื่น): columns ประเภท (หน่วยงาน / เจ้าหน้าที่),
 * ชื่อที่พบ (the name as found), ชื่อที่ใช้ (the name to use); English kind / alias / to.
 */
export function readAliasSheet(grid: Grid): { aliases: Alias[]; errors: ImportRowError[] } {
  const t = messages.th.importErrors;
  const aliases: Alias[] = [];
  const errors: ImportRowError[] = [];
  const [head, ...rows] = grid.rows;
  if (!head) return { aliases, errors };
  const col = (names: string[]) => head.cells.findIndex((c) => names.includes(normalizeHeader(cellToText(c))));
  const k = col(['kind', 'type', 'ประเภท']);
  const a = col(['alias', 'from', 'name', 'ชื่อที่พบ', 'ชื่อเดิม', 'ชื่อในไฟล์']);
  const b = col(['to', 'target', 'use', 'ชื่อที่ใช้', 'ใช้ชื่อ', 'ชื่อที่ถูกต้อง']);
  for (const r of rows) {
    const cell = (i: number) => (i < 0 ? '' : squashSpaces(cellToText(r.cells[i])));
    const kind = KIND[normalizeHeader(cell(k))];
    const alias = cell(a);
    const target = cell(b);
    if (!kind || !alias || !target) {
      errors.push({ row: r.row, column: `${grid.name}`, reason: t.aliasSheet(r.cells.map((c) => cellToText(c)).join(' | ')) });
      continue;
    }
    aliases.push(makeAlias(kind, alias, target));
  }
  return { aliases, errors };
}
