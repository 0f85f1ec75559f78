import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit.ts';
import { actorRef, type Actor } from '../auth/actor.ts';
import { assertCan, type Role } from '../auth/permissions.ts';
import type { AssignmentChange, OnAssignmentChange } from './assignment-events.ts';
import type { AssignmentsAdminRepository } from './assignments.admin.repository.ts';
import type { AssignmentsRepository, ListFilter, Person } from './assignments.repository.ts';
import { officerIdOfRef } from './assignments.usecases.ts';
import { OPEN_STATUSES, reviewPath } from './workflow.ts';

type Deps = {
  db: Db;
  repo: Pick<AssignmentsRepository, 'byId' | 'people' | 'list' | 'reviewSteps' | 'officerNames'>;
  admin: AssignmentsAdminRepository;
  audit: Pick<AuditLog, 'record'>;
  clock: Clock;
  onChanged: OnAssignmentChange;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The admin's corrections without re-importing a sheet: due dates (one item, a unit's, a cycle's),
 * people on and off an assignment, handing an officer's open work to another, removing an
 * assignment. Organization admins only (permissions.ts 'manage'); each change is audited and
 * reported to the notification port in its own transaction, so the people concerned are told.
 */
export function createAssignmentsAdmin({ db, repo, admin, audit, clock, onChanged }: Deps) {
  async function current(tx: Db, actor: Actor, id: number) {
    const row = await repo.byId(actor.orgId, id, tx);
    if (!row) throw errors.notFound('assignment', id);
    return { row, people: await repo.people(actor.orgId, [id], tx) };
  }

  /** Reports the change with the assignment and people as they are now. */
  async function report(tx: Db, actor: Actor, id: number, change: { kind: 'due_date'; from: string | null; to: string | null } | { kind: 'people'; added: Person[]; removed: Person[] }) {
    const { row, people } = await current(tx, actor, id);
    const path = reviewPath({
      reviewSteps: await repo.reviewSteps(actor.orgId, tx),
      supervisors: people.filter((p) => p.role === 'supervisor').length,
      certifiers: people.filter((p) => p.role === 'certifier').length,
    });
    const self = officerIdOfRef(actorRef(actor));
    const actorName = self === null ? null : ((await repo.officerNames(actor.orgId, [self], tx)).get(self) ?? null);
    await onChanged(tx, { ...change, actor, actorName, assignment: row, people, reviewPath: path, at: clock.now() } as AssignmentChange);
  }

  async function setDueOf(tx: Db, actor: Actor, id: number, dueOn: string | null): Promise<boolean> {
    const { row } = await current(tx, actor, id);
    if (row.dueOn === dueOn) return false;
    await admin.setDue(tx, actor.orgId, id, dueOn, clock.now());
    await audit.record(tx, actor, { action: 'assignment.due_date', entity: 'assignment', entityId: id, before: { dueOn: row.dueOn }, after: { dueOn } });
    await report(tx, actor, id, { kind: 'due_date', from: row.dueOn, to: dueOn });
    return true;
  }

  async function person(tx: Db, actor: Actor, id: number, officerId: number, role: Role, on: boolean): Promise<boolean> {
    await current(tx, actor, id);
    const name = (await repo.officerNames(actor.orgId, [officerId], tx)).get(officerId);
    if (!name) throw errors.notFound('officer', officerId);
    const at = clock.now();
    const changed = on ? await admin.addPerson(tx, actor.orgId, id, officerId, role, at) : await admin.removePerson(tx, actor.orgId, id, officerId, role, at);
    if (!changed) return false;
    await audit.record(tx, actor, { action: on ? 'assignment.person.add' : 'assignment.person.remove', entity: 'assignment', entityId: id, after: { officerId, role } });
    const p = { assignmentId: id, officerId, role, name, position: null, lineUserId: null, reachable: true } as Person;
    await report(tx, actor, id, on ? { kind: 'people', added: [p], removed: [] } : { kind: 'people', added: [], removed: [p] });
    return true;
  }

  return {
    /**
     * Moves due dates: of the given assignments (one item; or a unit's or a whole cycle's, chosen
     * by `filter`). `dueOn` is an ISO date or null (no due date). Returns how many changed.
     */
    async setDue(actor: Actor, target: { ids: number[] } | { filter: Pick<ListFilter, 'cycleId' | 'unitId' | 'itemNumber'> }, dueOn: string | null): Promise<{ changed: number; total: number }> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      if (dueOn !== null && (!ISO_DATE.test(dueOn) || Number.isNaN(Date.parse(dueOn)))) throw errors.validation([{ path: 'due', message: 'YYYY-MM-DD' }]);
      const ids = 'ids' in target ? target.ids : (await repo.list(actor.orgId, { ...target.filter, limit: 100_000 })).map((r) => r.id);
      if (ids.length === 0) throw errors.notFound('assignment', '');
      return db.transaction(async (tx) => {
        let changed = 0;
        for (const id of ids) if (await setDueOf(tx, actor, id, dueOn)) changed++;
        return { changed, total: ids.length };
      });
    },

    /** Puts an officer on an assignment in a role (they are told). Idempotent. */
    addPerson(actor: Actor, id: number, officerId: number, role: Role): Promise<boolean> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      return db.transaction((tx) => person(tx, actor, id, officerId, role, true));
    },

    /** Takes an officer off an assignment (they are told). Idempotent. */
    removePerson(actor: Actor, id: number, officerId: number, role: Role): Promise<boolean> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      return db.transaction((tx) => person(tx, actor, id, officerId, role, false));
    },

    /**
     * Staff rotate: every role `from` holds on open assignments (not final; finished items keep
     * who did them) goes to `to`. Both are told per item. Returns how many (assignment, role) moved.
     */
    async transfer(actor: Actor, fromOfficerId: number, toOfficerId: number, cycleId?: number): Promise<{ moved: number }> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      if (fromOfficerId === toOfficerId) throw errors.validation([{ path: 'to', message: '≠ from' }]);
      const open = await repo.list(actor.orgId, { officerId: fromOfficerId, statuses: OPEN_STATUSES, cycleId, limit: 100_000 });
      return db.transaction(async (tx) => {
        let moved = 0;
        for (const { assignmentId, role } of await admin.rolesOf(tx, actor.orgId, fromOfficerId, open.map((r) => r.id))) {
          await person(tx, actor, assignmentId, toOfficerId, role, true);
          if (await person(tx, actor, assignmentId, fromOfficerId, role, false)) moved++;
        }
        return { moved };
      });
    },

    /** Removes an assignment entirely (a row imported by mistake). Audited with what it was. */
    async remove(actor: Actor, id: number): Promise<void> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      await db.transaction(async (tx) => {
        const { row, people } = await current(tx, actor, id);
        if (!(await admin.remove(tx, actor.orgId, id))) throw errors.notFound('assignment', id);
        await audit.record(tx, actor, {
          action: 'assignment.remove',
          entity: 'assignment',
          entityId: id,
          before: { itemCode: row.itemCode, unit: row.unitName, status: row.status, dueOn: row.dueOn, people: people.map((p) => ({ officerId: p.officerId, role: p.role })) },
        });
      });
    },
  };
}

export type AssignmentsAdmin = ReturnType<typeof createAssignmentsAdmin>;
