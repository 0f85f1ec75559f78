import { messages } from '../../messages/index.ts';
import type { ImportRowError } from '../../shared/errors.ts';
import { formatThaiDate } from '../../shared/thai-date.ts';
import { personKey, unitKey } from '../../shared/thai-text.ts';
import { yielder } from '../../shared/yield.ts';
import type { Role } from '../auth/permissions.ts';
import type { Field } from './import.headers.ts';
import type { ExistingState } from './import.repository.ts';
import type { ValidRow } from './import.validate.ts';
import type { Responsibility } from './import.values.ts';

/** "id:12" for a row already in the database, "new:<key>" for one this file creates. */
export type Ref = string;
export type PersonRef = { officer: Ref; role: Role };

export type Plan = {
  newUnits: Array<{ key: string; name: string }>;
  newOfficers: Array<{ key: string; name: string; position: string | null; unit: Ref | null; lineUserId: string | null }>;
  officerUpdates: Array<{
    id: number;
    before: { position: string | null; unitId: number | null; lineUserId: string | null };
    position: string | null; unit: Ref | null; lineUserId: string | null;
  }>;
  newAssignments: Array<{ itemId: number; itemCode: string; unit: Ref; responsibility: Responsibility; dueOn: string | null; people: PersonRef[] }>;
  assignmentUpdates: Array<{
    id: number; itemCode: string; unitId: number;
    before: { responsibility: Responsibility; dueOn: string | null };
    responsibility: Responsibility; dueOn: string | null; fieldsChanged: boolean; people: PersonRef[];
  }>;
  errors: ImportRowError[];
};

type Pick1<T> = { v: T; row: number; fromAll: boolean } | null;
const t = messages.th.importErrors;

/**
 * Diffs the valid rows against what the organization already has, entirely in memory. Adds and
 * changes only: nothing absent from the sheet is removed, so re-importing a sheet is a no-op.
 * Loops give the event loop a turn every few hundred rows (it runs on the main thread).
 */
export async function planImport(rows: ValidRow[], state: ExistingState, labels: Record<Field, string>): Promise<Plan> {
  const pause = yielder();
  const errs = new Map<string, ImportRowError>();
  const fail = (row: number, field: Field, reason: string) => {
    const k = `${row}|${field}`;
    if (!errs.has(k)) errs.set(k, { row, column: labels[field], reason });
  };

  // Units: matched by name key, the key of the stored name, or an alias.
  const unitIndex = new Map<string, Ref>();
  for (const u of state.units) unitIndex.set(u.nameKey, `id:${u.id}`);
  for (const u of state.units) for (const k of [unitKey(u.name), ...u.aliases.map(unitKey)]) if (!unitIndex.has(k)) unitIndex.set(k, `id:${u.id}`);
  const newUnits = new Map<string, { key: string; name: string }>();
  for (const r of rows) {
    await pause();
    if (r.unit.all || unitIndex.has(r.unit.key) || newUnits.has(r.unit.key)) continue;
    newUnits.set(r.unit.key, { key: r.unit.key, name: r.unit.name });
  }
  const unitRef = (key: string): Ref => unitIndex.get(key) ?? `new:${key}`;
  const allUnits: Ref[] = [...state.units.map((u) => `id:${u.id}`), ...[...newUnits.keys()].map((k) => `new:${k}`)];

  // Officers: one aggregate per person key across all their rows.
  const officerIndex = new Map<string, ExistingState['officers'][number]>();
  for (const o of state.officers) officerIndex.set(o.nameKey, o);
  for (const o of state.officers) if (!officerIndex.has(personKey(o.name))) officerIndex.set(personKey(o.name), o);
  const lineOwner = new Map<string, number>(state.officers.filter((o) => o.lineUserId).map((o) => [o.lineUserId!, o.id]));
  const sheetLineOwner = new Map<string, string>();
  type Agg = { name: string; position: string | null; lineUserId: string | null; preparerUnit: Ref | null; units: Set<Ref> };
  const people = new Map<string, Agg>();
  for (const r of rows) {
    await pause();
    if (!r.officer) continue;
    const o = r.officer;
    let a = people.get(o.key);
    if (!a) people.set(o.key, (a = { name: o.name, position: null, lineUserId: null, preparerUnit: null, units: new Set() }));
    a.position ??= o.position;
    if (o.lineUserId) {
      const existing = officerIndex.get(o.key);
      const owner = lineOwner.get(o.lineUserId);
      const sheetOwner = sheetLineOwner.get(o.lineUserId);
      if (state.lineIdsElsewhere.has(o.lineUserId)) {
        // One LINE account acts for one organization (see linking): refuse, don't split it.
        fail(r.row, 'line_user_id', t.lineIdOtherOrg);
      } else if ((a.lineUserId && a.lineUserId !== o.lineUserId) || (sheetOwner && sheetOwner !== o.key)
        || (owner !== undefined && owner !== existing?.id)) {
        fail(r.row, 'line_user_id', t.conflictingLineId);
      } else {
        a.lineUserId = o.lineUserId;
        sheetLineOwner.set(o.lineUserId, o.key);
      }
    }
    if (!r.unit.all) {
      const ref = unitRef(r.unit.key);
      a.units.add(ref);
      if (r.role === 'preparer') a.preparerUnit ??= ref;
    }
  }

  const plan: Plan = { newUnits: [...newUnits.values()], newOfficers: [], officerUpdates: [], newAssignments: [], assignmentUpdates: [], errors: [] };
  const officerRef = new Map<string, Ref>();
  for (const [key, a] of people) {
    await pause();
    // An officer belongs to the unit they prepare for; failing that, the one unit they appear with.
    const unit = a.preparerUnit ?? (a.units.size === 1 ? [...a.units][0]! : null);
    const o = officerIndex.get(key);
    if (!o) {
      plan.newOfficers.push({ key, name: a.name, position: a.position, unit, lineUserId: a.lineUserId });
      officerRef.set(key, `new:${key}`);
      continue;
    }
    officerRef.set(key, `id:${o.id}`);
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

  // Assignments: one aggregate per item × unit, "all units" rows expanded.
  type AAgg = { itemId: number; itemCode: string; unit: Ref; due: Pick1<string>; resp: Pick1<Responsibility>; people: Map<string, PersonRef> };
  const aggs = new Map<string, AAgg>();
  for (const r of rows) {
    await pause();
    if (r.unit.all && allUnits.length === 0) fail(r.row, 'unit', t.noUnitsForAll);
    const refs = r.unit.all ? allUnits : [unitRef(r.unit.key)];
    const person = r.officer ? { officer: officerRef.get(r.officer.key)!, role: r.role } : null;
    for (const ref of refs) {
      await pause();
      const k = `${r.itemId}|${ref}`;
      let a = aggs.get(k);
      if (!a) aggs.set(k, (a = { itemId: r.itemId, itemCode: r.itemCode, unit: ref, due: null, resp: null, people: new Map() }));
      a.due = merge(a.due, r.due, r.row, r.unit.all, (x, y) => fail(r.row, 'due', t.conflictingDue(formatThaiDate(x, 'long'), formatThaiDate(y, 'long'))));
      a.resp = merge(a.resp, r.responsibility, r.row, r.unit.all, (x, y) => fail(r.row, 'responsibility', t.conflictingResponsibility(x, y)));
      if (person) a.people.set(`${person.officer}|${person.role}`, person);
    }
  }

  const existing = new Map(state.assignments.map((a) => [`${a.itemId}|id:${a.unitId}`, a]));
  const existingPeople = new Set(state.people.map((p) => `${p.assignmentId}|id:${p.officerId}|${p.role}`));
  for (const [k, a] of aggs) {
    await pause();
    const cur = existing.get(k);
    if (!cur) {
      plan.newAssignments.push({
        itemId: a.itemId, itemCode: a.itemCode, unit: a.unit, responsibility: a.resp?.v ?? 'main',
        dueOn: a.due?.v ?? null, people: [...a.people.values()],
      });
      continue;
    }
    const dueOn = a.due?.v ?? cur.dueOn;
    const responsibility = a.resp?.v ?? cur.responsibility;
    const fieldsChanged = dueOn !== cur.dueOn || responsibility !== cur.responsibility;
    const added = [...a.people.values()].filter((p) => !existingPeople.has(`${cur.id}|${p.officer}|${p.role}`));
    if (fieldsChanged || added.length > 0) {
      plan.assignmentUpdates.push({
        id: cur.id, itemCode: a.itemCode, unitId: cur.unitId, before: { responsibility: cur.responsibility, dueOn: cur.dueOn },
        responsibility, dueOn, fieldsChanged, people: added,
      });
    }
  }
  plan.errors = [...errs.values()];
  return plan;
}

/**
 * A row naming one unit beats an "all units" row for that unit; two rows of the same kind that
 * disagree are an error, reported on the later row.
 */
function merge<T>(cur: Pick1<T>, v: T | null, row: number, fromAll: boolean, conflict: (a: T, b: T) => void): Pick1<T> {
  if (v === null) return cur;
  if (!cur || (cur.fromAll && !fromAll)) return { v, row, fromAll };
  if (!cur.fromAll && fromAll) return cur;
  if (cur.v !== v) conflict(cur.v, v);
  return cur;
}
