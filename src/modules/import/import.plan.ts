import { messages } from '../../messages/index.ts';
import type { ImportRowError } from '../../shared/errors.ts';
import { formatThaiDate } from '../../shared/thai-date.ts';
import { personKey, unitKey } from '../../shared/thai-text.ts';
import { yielder } from '../../shared/yield.ts';
import { SHEET_STATUSES, type Status } from '../assignments/workflow.ts';
import type { Role } from '../auth/permissions.ts';
import type { Field } from './import.headers.ts';
import type { ExistingState } from './import.repository.ts';
import type { UnitTarget, ValidRow } from './import.validate.ts';
import type { Responsibility } from './import.values.ts';

/** "id:12" for a row already in the database, "new:<key>" for one this file creates. */
export type Ref = string;
export type PersonRef = { officer: Ref; role: Role };
type St = { status: Status; note: string | null };

export type Plan = {
  newUnits: Array<{ key: string; name: string; parent: Ref | null; rows: number[] }>;
  newOfficers: Array<{ key: string; name: string; position: string | null; unit: Ref | null; lineUserId: string | null; byPosition: boolean; rows: number[] }>;
  officerUpdates: Array<{
    id: number;
    before: { position: string | null; unitId: number | null; lineUserId: string | null };
    position: string | null; unit: Ref | null; lineUserId: string | null;
  }>;
  newAssignments: Array<{ itemId: number; itemCode: string; unit: Ref; responsibility: Responsibility; dueOn: string | null; status: St | null; people: PersonRef[] }>;
  assignmentUpdates: Array<{
    id: number; itemCode: string; unitId: number;
    before: { responsibility: Responsibility; dueOn: string | null; status: Status };
    responsibility: Responsibility; dueOn: string | null; status: St | null; fieldsChanged: boolean; people: PersonRef[];
  }>;
  errors: ImportRowError[];
};

type Pick1<T> = { v: T; row: number; fromAll: boolean } | null;
/** Aliases in force (stored per organization, plus the file's own aliases sheet): key → the name to use. */
export type AliasMap = { unit: Map<string, { key: string; name: string }>; officer: Map<string, { key: string; name: string }> };
const t = messages.th.importErrors;

/**
 * Diffs the valid rows against what the organization already has, entirely in memory. Adds and
 * changes only: nothing absent from the sheet is removed, so re-importing a sheet is a no-op.
 * Names go through the aliases first. Loops give the event loop a turn every few hundred rows.
 */
export async function planImport(rows: ValidRow[], state: ExistingState, labels: Record<Field, string>, aliases: AliasMap): Promise<Plan> {
  const pause = yielder();
  const errs = new Map<string, ImportRowError>();
  const fail = (row: number, field: Field, reason: string) => {
    const k = `${row}|${field}`;
    if (!errs.has(k)) errs.set(k, { row, column: labels[field], reason });
  };
  const unitAlias = (key: string, name: string) => aliases.unit.get(key) ?? { key, name };

  // Units: matched by name key, the key of the stored name, or a stored alias.
  const unitIndex = new Map<string, Ref>();
  for (const u of state.units) unitIndex.set(u.nameKey, `id:${u.id}`);
  for (const u of state.units) for (const k of [unitKey(u.name), ...u.aliases.map(unitKey)]) if (!unitIndex.has(k)) unitIndex.set(k, `id:${u.id}`);
  const newUnits = new Map<string, Plan['newUnits'][number]>();
  const unitRef = (key: string): Ref => unitIndex.get(key) ?? `new:${key}`;
  const addUnit = (key: string, name: string, parent: Ref | null, row: number) => {
    if (unitIndex.has(key)) return;
    const u = newUnits.get(key);
    if (u) { if (!u.rows.includes(row)) u.rows.push(row); u.parent ??= parent; return; }
    newUnits.set(key, { key, name, parent, rows: [row] });
  };
  const named = (u: UnitTarget) => ('key' in u ? unitAlias(u.key, u.name) : null);
  for (const r of rows) {
    await pause();
    const n = named(r.unit);
    if (!n || !('key' in r.unit)) continue;
    const p = r.unit.parent ? unitAlias(r.unit.parent.key, r.unit.parent.name) : null;
    if (p) addUnit(p.key, p.name, null, r.row);
    addUnit(n.key, n.name, p ? unitRef(p.key) : null, r.row);
  }
  const allUnits: Ref[] = [...state.units.map((u) => `id:${u.id}`), ...[...newUnits.keys()].map((k) => `new:${k}`)];
  const targetRef = (u: UnitTarget): Ref | null => { const n = named(u); return n ? unitRef(n.key) : null; };

  // Officers: one aggregate per person key across all their rows.
  const officerIndex = new Map<string, ExistingState['officers'][number]>();
  for (const o of state.officers) officerIndex.set(o.nameKey, o);
  for (const o of state.officers) if (!officerIndex.has(personKey(o.name))) officerIndex.set(personKey(o.name), o);
  const officerKey = (key: string) => aliases.officer.get(key)?.key ?? key;
  const lineOwner = new Map<string, number>(state.officers.filter((o) => o.lineUserId).map((o) => [o.lineUserId!, o.id]));
  const sheetLineOwner = new Map<string, string>();
  type Agg = { name: string; position: string | null; lineUserId: string | null; preparerUnit: Ref | null; units: Set<Ref>; byPosition: boolean; rows: number[] };
  const people = new Map<string, Agg>();
  for (const r of rows) {
    await pause();
    if (!r.officer) continue;
    const o = r.officer;
    const key = officerKey(o.key);
    let a = people.get(key);
    if (!a) people.set(key, (a = { name: aliases.officer.get(o.key)?.name ?? o.name, position: null, lineUserId: null, preparerUnit: null, units: new Set(), byPosition: o.byPosition, rows: [] }));
    if (!a.rows.includes(r.row)) a.rows.push(r.row);
    a.position ??= o.position;
    if (o.lineUserId) {
      const existing = officerIndex.get(key);
      const owner = lineOwner.get(o.lineUserId);
      const sheetOwner = sheetLineOwner.get(o.lineUserId);
      if (state.lineIdsElsewhere.has(o.lineUserId)) {
        // One LINE account acts for one organization (see linking): refuse, don't split it.
        fail(r.row, 'line_user_id', t.lineIdOtherOrg);
      } else if ((a.lineUserId && a.lineUserId !== o.lineUserId) || (sheetOwner && sheetOwner !== key)
        || (owner !== undefined && owner !== existing?.id)) {
        fail(r.row, 'line_user_id', t.conflictingLineId);
      } else {
        a.lineUserId = o.lineUserId;
        sheetLineOwner.set(o.lineUserId, key);
      }
    }
    const ref = targetRef(r.unit);
    if (ref) {
      a.units.add(ref);
      if (r.role === 'preparer') a.preparerUnit ??= ref;
    }
  }

  const plan: Plan = { newUnits: [...newUnits.values()], newOfficers: [], officerUpdates: [], newAssignments: [], assignmentUpdates: [], errors: [] };
  const officerRef = new Map<string, Ref>();
  const officerUnit = new Map<string, Ref | null>();
  for (const [key, a] of people) {
    await pause();
    // An officer belongs to the unit they prepare for; failing that, the one unit they appear with.
    const unit = a.preparerUnit ?? (a.units.size === 1 ? [...a.units][0]! : null);
    const o = officerIndex.get(key);
    if (!o) {
      plan.newOfficers.push({ key, name: a.name, position: a.position, unit, lineUserId: a.lineUserId, byPosition: a.byPosition, rows: a.rows });
      officerRef.set(key, `new:${key}`);
      officerUnit.set(key, unit);
      continue;
    }
    officerRef.set(key, `id:${o.id}`);
    officerUnit.set(key, unit ?? (o.unitId ? `id:${o.unitId}` : null));
    const position = a.position ?? o.position;
    const lineUserId = a.lineUserId ?? o.lineUserId;
    const unitChanged = unit !== null && unit !== `id:${o.unitId}`;
    if (position !== o.position || lineUserId !== o.lineUserId || unitChanged) {
      plan.officerUpdates.push({
        id: o.id, before: { position: o.position, unitId: o.unitId, lineUserId: o.lineUserId },
        position, unit: unitChanged ? unit : null, lineUserId,
      });
    }
  }

  // "ไม่มี เนื่องจาก…" with no unit: the item belongs to its preparers' units.
  const preparerUnits = new Map<number, Set<Ref>>();
  for (const r of rows) {
    if (!r.officer || r.role !== 'preparer' || !('preparers' in r.unit)) continue;
    const u = officerUnit.get(officerKey(r.officer.key));
    if (u) (preparerUnits.get(r.row) ?? preparerUnits.set(r.row, new Set()).get(r.row)!).add(u);
  }

  // Assignments: one aggregate per item × unit, "all units" rows expanded.
  type AAgg = { itemId: number; itemNumber: number; itemCode: string; unit: Ref; due: Pick1<string>; resp: Pick1<Responsibility>; status: Pick1<St>; people: Map<string, PersonRef> };
  const aggs = new Map<string, AAgg>();
  for (const r of rows) {
    await pause();
    if (r.unit.all && allUnits.length === 0) fail(r.row, 'unit', t.noUnitsForAll);
    const refs = r.unit.all ? allUnits : 'preparers' in r.unit ? [...(preparerUnits.get(r.row) ?? [])] : [targetRef(r.unit)!];
    if (refs.length === 0 && 'preparers' in r.unit) fail(r.row, 'unit', t.noPreparerUnit);
    const person = r.officer ? { officer: officerRef.get(officerKey(r.officer.key))!, role: r.role } : null;
    const st: St | null = r.status ? { status: SHEET_STATUSES[r.status.kind], note: r.status.reason } : null;
    for (const ref of refs) {
      await pause();
      const k = `${r.itemNumber}|${ref}`;
      let a = aggs.get(k);
      if (!a) aggs.set(k, (a = { itemId: r.itemId, itemNumber: r.itemNumber, itemCode: r.itemCode, unit: ref, due: null, resp: null, status: null, people: new Map() }));
      a.due = merge(a.due, r.due, r.row, r.unit.all, (x, y) => fail(r.row, 'due', t.conflictingDue(formatThaiDate(x, 'long'), formatThaiDate(y, 'long'))));
      a.resp = merge(a.resp, r.responsibility, r.row, r.unit.all, (x, y) => fail(r.row, 'responsibility', t.conflictingResponsibility(x, y)));
      a.status = merge(a.status, st, r.row, r.unit.all, (x, y) => {
        if (x.status !== y.status) fail(r.row, 'status', t.conflictingStatus(statusName(x.status), statusName(y.status)));
      }, (x, y) => x.status === y.status && x.note === y.note);
      if (person) a.people.set(`${person.officer}|${person.role}`, person);
    }
  }

  const existing = new Map(state.assignments.map((a) => [`${a.itemNumber}|id:${a.unitId}`, a]));
  const existingPeople = new Set(state.people.map((p) => `${p.assignmentId}|id:${p.officerId}|${p.role}`));
  for (const [k, a] of aggs) {
    await pause();
    const cur = existing.get(k);
    if (!cur) {
      plan.newAssignments.push({
        itemId: a.itemId, itemCode: a.itemCode, unit: a.unit, responsibility: a.resp?.v ?? 'main',
        dueOn: a.due?.v ?? null, status: a.status && a.status.v.status !== 'not_started' ? a.status.v : null, people: [...a.people.values()],
      });
      continue;
    }
    const dueOn = a.due?.v ?? cur.dueOn;
    const responsibility = a.resp?.v ?? cur.responsibility;
    // The sheet's status only starts an assignment nobody has touched; work under way is never changed.
    const status = a.status && cur.status === 'not_started' && a.status.v.status !== 'not_started' ? a.status.v : null;
    const fieldsChanged = dueOn !== cur.dueOn || responsibility !== cur.responsibility || status !== null;
    const added = [...a.people.values()].filter((p) => !existingPeople.has(`${cur.id}|${p.officer}|${p.role}`));
    if (fieldsChanged || added.length > 0) {
      plan.assignmentUpdates.push({
        id: cur.id, itemCode: a.itemCode, unitId: cur.unitId, before: { responsibility: cur.responsibility, dueOn: cur.dueOn, status: cur.status },
        responsibility, dueOn, status, fieldsChanged, people: added,
      });
    }
  }
  plan.errors = [...errs.values()];
  return plan;
}

const statusName = (s: Status) => messages.th.status[s] ?? s;

/**
 * A row naming one unit beats an "all units" row for that unit; two rows of the same kind that
 * disagree are an error, reported on the later row.
 */
function merge<T>(cur: Pick1<T>, v: T | null, row: number, fromAll: boolean, conflict: (a: T, b: T) => void, same: (a: T, b: T) => boolean = (a, b) => a === b): Pick1<T> {
  if (v === null) return cur;
  if (!cur || (cur.fromAll && !fromAll)) return { v, row, fromAll };
  if (!cur.fromAll && fromAll) return cur;
  if (!same(cur.v, v)) conflict(cur.v, v);
  return cur;
}
