import type { Db } from '../../db/client.ts';
import { yielder } from '../../shared/yield.ts';
import type { AuditEntry } from '../audit/audit.ts';
import type { NewPerson, ImportRepository } from './import.repository.ts';
import type { Plan, Ref } from './import.plan.ts';

export const CHUNK = 1000;

/** How many rows apply() will write: the unit of its progress reports. */
export function writeCount(plan: Plan): number {
  const people = [...plan.newAssignments, ...plan.assignmentUpdates].reduce((n, a) => n + a.people.length, 0);
  return plan.newUnits.length + plan.newOfficers.length + plan.officerUpdates.length
    + plan.newAssignments.length + plan.assignmentUpdates.filter((a) => a.fieldsChanged).length + people;
}

/**
 * Writes a plan with multi-row statements of at most CHUNK rows, in dependency order (units,
 * officers, assignments, people), and returns the audit entries describing every change.
 */
export async function applyPlan(
  tx: Db,
  repo: ImportRepository,
  { orgId, cycleId, plan, at }: { orgId: number; cycleId: number; plan: Plan; at: Date },
  progress: (written: number) => void,
): Promise<AuditEntry[]> {
  const audit: AuditEntry[] = [];
  const pause = yielder();
  let written = 0;
  async function inChunks<T>(list: T[], write: (chunk: T[]) => Promise<void>) {
    for (let i = 0; i < list.length; i += CHUNK) {
      const chunk = list.slice(i, i + CHUNK);
      await write(chunk);
      written += chunk.length;
      progress(written);
    }
  }
  const ids = new Map<Ref, number>();
  const idOf = (ref: Ref): number => {
    if (ref.startsWith('id:')) return Number(ref.slice(3));
    const id = ids.get(ref);
    if (id === undefined) throw new Error(`import: ${ref} was not written`);
    return id;
  };

  await inChunks(plan.newUnits, async (chunk) => {
    const rows = await repo.insertUnits(tx, orgId, chunk.map((u) => ({ name: u.name, nameKey: u.key })));
    for (const r of rows) ids.set(`new:${r.nameKey}`, r.id);
  });
  const parents = plan.newUnits.filter((u) => u.parent).map((u) => ({ id: idOf(`new:${u.key}`), parentId: idOf(u.parent!) }));
  await inChunks(parents, (chunk) => repo.setParents(tx, orgId, chunk));
  for (const u of plan.newUnits) {
    const id = idOf(`new:${u.key}`);
    const parentId = u.parent ? idOf(u.parent) : null;
    audit.push({ action: 'import.unit.create', entity: 'unit', entityId: id, after: { id, name: u.name, ...(parentId ? { parentId } : {}) } });
  }

  // Units and officers share the "new:<key>" form, so officer refs get their own map.
  const officerIds = new Map<Ref, number>();
  const officerIdOf = (ref: Ref) => (ref.startsWith('id:') ? Number(ref.slice(3)) : officerIds.get(ref)!);
  await inChunks(plan.newOfficers, async (chunk) => {
    const rows = await repo.insertOfficers(tx, orgId, chunk.map((o) => ({
      name: o.name, nameKey: o.key, position: o.position, unitId: o.unit ? idOf(o.unit) : null, lineUserId: o.lineUserId,
    })));
    for (const r of rows) officerIds.set(`new:${r.nameKey}`, r.id);
  });
  for (const o of plan.newOfficers) {
    const id = officerIdOf(`new:${o.key}`);
    const after = { id, name: o.name, position: o.position, unitId: o.unit ? idOf(o.unit) : null, lineUserId: o.lineUserId };
    audit.push({ action: 'import.officer.create', entity: 'officer', entityId: id, after });
  }

  const officerChanges = plan.officerUpdates.map((o) => ({
    id: o.id, position: o.position, unitId: o.unit ? idOf(o.unit) : o.before.unitId, lineUserId: o.lineUserId,
  }));
  await inChunks(officerChanges, (chunk) => repo.updateOfficers(tx, orgId, chunk));
  plan.officerUpdates.forEach((o, i) => {
    const { id, ...after } = officerChanges[i]!;
    audit.push({ action: 'import.officer.update', entity: 'officer', entityId: id, before: o.before, after });
  });

  const assignmentIds = new Map<string, number>();
  const newRows = plan.newAssignments.map((a) => ({
    itemId: a.itemId, unitId: idOf(a.unit), responsibility: a.responsibility, dueOn: a.dueOn,
    status: a.status?.status ?? 'not_started', statusNote: a.status?.note ?? null,
  }));
  await inChunks(newRows, async (chunk) => {
    const rows = await repo.insertAssignments(tx, orgId, cycleId, chunk);
    for (const r of rows) assignmentIds.set(`${r.itemId}|${r.unitId}`, r.id);
  });
  const changed = plan.assignmentUpdates.filter((a) => a.fieldsChanged)
    .map((a) => ({ id: a.id, responsibility: a.responsibility, dueOn: a.dueOn, status: a.status?.status ?? null, statusNote: a.status?.note ?? null }));
  await inChunks(changed, (chunk) => repo.updateAssignments(tx, orgId, chunk, at));

  const people: NewPerson[] = [];
  for (const [i, a] of plan.newAssignments.entries()) {
    await pause();
    const { itemId, unitId, responsibility, dueOn, status, statusNote } = newRows[i]!;
    const id = assignmentIds.get(`${itemId}|${unitId}`)!;
    const list = a.people.map((p) => ({ assignmentId: id, officerId: officerIdOf(p.officer), role: p.role }));
    people.push(...list);
    const after = {
      id, cycleId, item: a.itemCode, itemId, unitId, responsibility, dueOn, ...(status !== 'not_started' ? { status, statusNote } : {}),
      people: list.map(({ officerId, role }) => ({ officerId, role })),
    };
    audit.push({ action: 'import.assignment.create', entity: 'assignment', entityId: id, after });
  }
  for (const a of plan.assignmentUpdates) {
    await pause();
    const list = a.people.map((p) => ({ assignmentId: a.id, officerId: officerIdOf(p.officer), role: p.role }));
    people.push(...list);
    audit.push({
      action: 'import.assignment.update', entity: 'assignment', entityId: a.id,
      before: { item: a.itemCode, unitId: a.unitId, ...a.before },
      after: {
        item: a.itemCode, unitId: a.unitId, responsibility: a.responsibility, dueOn: a.dueOn,
        ...(a.status ? { status: a.status.status, statusNote: a.status.note } : {}),
        peopleAdded: list.map(({ officerId, role }) => ({ officerId, role })),
      },
    });
  }
  await inChunks(people, (chunk) => repo.insertPeople(tx, orgId, chunk));
  return audit;
}
