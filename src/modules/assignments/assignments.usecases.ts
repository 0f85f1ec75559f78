import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { AuditRepository, AuditRow } from '../audit/audit.repository.ts';
import { actorRef, type Actor } from '../auth/actor.ts';
import { assertCan, can } from '../auth/permissions.ts';
import { createContentUseCases } from './assignments.content.ts';
import type { OnAssignmentChange } from './assignment-events.ts';
import type { AssignmentRow, AssignmentsRepository, ListFilter, Person } from './assignments.repository.ts';
import { permissionTarget } from './permission-target.ts';
import { allowedActions, nextStatus, OPEN_STATUSES, reviewPath, type ReviewPath, type WorkflowAction } from './workflow.ts';

/** The officer id in an actor ref ("officer:12"), if it is one. */
export function officerIdOfRef(ref: string | null): number | null {
  const m = /^officer:(\d+)$/.exec(ref ?? '');
  return m ? Number(m[1]) : null;
}

export type TransitionOptions = {
  note?: string | null;
  version?: number;
  /** Submitting while some components are unticked needs this explicit confirmation. */
  confirmIncomplete?: boolean;
};

type Deps = {
  db: Db;
  repo: AssignmentsRepository;
  audit: AuditLog;
  auditRepo: Pick<AuditRepository, 'forAssignment'>;
  clock: Clock;
  orgDomains: (orgId: number) => Promise<readonly string[]>;
  /** Every change is reported here, inside its transaction (notifications). */
  onChanged: OnAssignmentChange;
};

export function createAssignmentsService({ db, repo, audit, auditRepo, clock, orgDomains, onChanged }: Deps) {
  async function load(actor: Actor, id: number, tx: Db = db) {
    const row = await repo.byId(actor.orgId, id, tx);
    if (!row) throw errors.notFound('assignment', id);
    const people = await repo.people(actor.orgId, [id], tx);
    const path = reviewPath({
      reviewSteps: await repo.reviewSteps(actor.orgId, tx),
      supervisors: people.filter((p) => p.role === 'supervisor').length,
      certifiers: people.filter((p) => p.role === 'certifier').length,
    });
    return { row, people, path };
  }

  async function components(orgId: number, id: number, tx: Db = db): Promise<string[]> {
    const itemId = await repo.itemIdOf(orgId, id, tx);
    return (itemId === undefined ? undefined : await repo.itemDetail(itemId, tx))?.components ?? [];
  }

  const content = createContentUseCases({ db, repo, audit, clock, orgDomains, load });

  /** The name behind an actor ref when it is an officer (null for a token, the CLI, the system). */
  async function nameOf(orgId: number, ref: string | null, people: Person[], tx: Db = db): Promise<string | null> {
    const id = officerIdOfRef(ref);
    if (id === null) return null;
    return people.find((p) => p.officerId === id)?.name ?? (await repo.officerNames(orgId, [id], tx)).get(id) ?? null;
  }

  const allowed = (actor: Actor, row: AssignmentRow, people: Person[], path: ReviewPath) =>
    allowedActions(row.status, path).filter((a) => can(actor, a, permissionTarget(actor.orgId, row, people)));

  return {
    /**
     * One assignment with its catalog item, people and evidence, what this actor may do, and who
     * made its last status change (`statusBy`: ref and name; the name is null for an admin token or the CLI).
     */
    async detail(actor: Actor, id: number) {
      const { row, people, path } = await load(actor, id);
      assertCan(actor, 'view', { orgId: actor.orgId, people });
      const [evidence, itemId, ticks] = await Promise.all([repo.evidence(actor.orgId, id), repo.itemIdOf(actor.orgId, id), repo.ticks(actor.orgId, id)]);
      const item = itemId === undefined ? undefined : await repo.itemDetail(itemId);
      const statusBy = row.statusBy ? { ref: row.statusBy, name: await nameOf(actor.orgId, row.statusBy, people) } : null;
      return { assignment: row, item, people, evidence, ticked: ticks.map((t) => t.componentIndex), actions: allowed(actor, row, people, path), reviewPath: path, statusBy };
    },

    /** What happened to the item, newest first (the audit log, read within the actor's organization). */
    async history(actor: Actor, id: number, limit = 100): Promise<AuditRow[]> {
      const { people } = await load(actor, id);
      assertCan(actor, 'view', { orgId: actor.orgId, people });
      return auditRepo.forAssignment(actor.orgId, id, limit);
    },

    /**
     * Moves an assignment through the workflow; permission, transition and version are checked,
     * and the change is reported to `onChanged` in the same transaction (notifications).
     */
    async transition(actor: Actor, id: number, action: WorkflowAction, opts: TransitionOptions = {}) {
      return db.transaction(async (tx) => {
        const { row, people, path } = await load(actor, id, tx);
        assertCan(actor, action, permissionTarget(actor.orgId, row, people));
        if (opts.version !== undefined && opts.version !== row.version) throw errors.staleVersion();
        const evidenceCount = (await repo.evidence(actor.orgId, id, tx)).length;
        const next = nextStatus(row.status, action, { note: opts.note, evidenceCount, path });
        let unticked: string[] = [];
        if (action === 'submit') {
          const all = await components(actor.orgId, id, tx);
          const ticked = new Set((await repo.ticks(actor.orgId, id, tx)).map((t) => t.componentIndex));
          const missing = all.map((_, i) => i).filter((i) => !ticked.has(i));
          if (missing.length > 0 && !opts.confirmIncomplete) throw errors.incompleteComponents(missing, all.length);
          unticked = missing.map((i) => all[i]!);
        }
        const at = clock.now();
        const by = actorRef(actor);
        const ok = await repo.setStatus(tx, actor.orgId, id, row.version, { status: next.to, statusNote: next.note, by, submitted: action === 'submit', at });
        if (!ok) throw errors.staleVersion();
        await audit.record(tx, actor, {
          action: `assignment.${action}`,
          entity: 'assignment',
          entityId: id,
          before: { status: row.status, statusNote: row.statusNote },
          after: { status: next.to, statusNote: next.note, ...(unticked.length ? { unticked } : {}) },
        });
        const after = (await repo.byId(actor.orgId, id, tx))!;
        const actorName = await nameOf(actor.orgId, by, people, tx);
        await onChanged(tx, { kind: 'transition', action, from: row.status, actor, actorName, assignment: after, people, reviewPath: path, evidenceCount, unticked, at });
        return after;
      });
    },

    ...content,

    /**
     * What this actor may do on each of `rows` (list views), by the same rules as `detail`: the
     * organization's review path and who submitted or checked each item.
     */
    async allowedOn(actor: Actor, rows: AssignmentRow[], people: Person[]): Promise<Map<number, WorkflowAction[]>> {
      const steps = await repo.reviewSteps(actor.orgId);
      const out = new Map<number, WorkflowAction[]>();
      for (const row of rows) {
        const on = people.filter((p) => p.assignmentId === row.id);
        const path = reviewPath({ reviewSteps: steps, supervisors: on.filter((p) => p.role === 'supervisor').length, certifiers: on.filter((p) => p.role === 'certifier').length });
        out.set(row.id, allowed(actor, row, on, path));
      }
      return out;
    },

    /**
     * What a list card shows of each row (people, evidence count, what the actor may do), for a
     * page of rows in a few statements instead of a detail() per card (issue 12.6: the chat lists);
     * the actions by the same rules as `detail` (review path, who submitted or checked it).
     */
    async cards(actor: Actor, rows: AssignmentRow[]) {
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      const [people, evidence, steps] = await Promise.all([repo.people(actor.orgId, ids), repo.evidenceCounts(actor.orgId, ids), repo.reviewSteps(actor.orgId)]);
      return rows.map((row) => {
        const mine = people.filter((p) => p.assignmentId === row.id);
        assertCan(actor, 'view', { orgId: actor.orgId, people: mine });
        const path = reviewPath({ reviewSteps: steps, supervisors: mine.filter((p) => p.role === 'supervisor').length, certifiers: mine.filter((p) => p.role === 'certifier').length });
        return { row, people: mine, evidenceCount: evidence.get(row.id) ?? 0, actions: allowed(actor, row, mine, path) };
      });
    },

    /**
     * What the chat's item detail shows of each of `rows` (catalog item, people, evidence, what the
     * actor may do, by the same rules as `detail`), for a page of rows in a few statements instead
     * of a detail() per row (issue 12.6); `people` when the caller has already loaded them.
     */
    async details(actor: Actor, rows: AssignmentRow[], people?: Person[]) {
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      const [all, evidence, items, steps] = await Promise.all([people ?? repo.people(actor.orgId, ids), repo.evidenceOf(actor.orgId, ids), repo.itemsOf(actor.orgId, ids), repo.reviewSteps(actor.orgId)]);
      return rows.map((row) => {
        const on = all.filter((p) => p.assignmentId === row.id);
        assertCan(actor, 'view', { orgId: actor.orgId, people: on });
        const path = reviewPath({ reviewSteps: steps, supervisors: on.filter((p) => p.role === 'supervisor').length, certifiers: on.filter((p) => p.role === 'certifier').length });
        return { assignment: row, item: items.get(row.id), people: on, evidence: evidence.filter((e) => e.assignmentId === row.id), actions: allowed(actor, row, on, path) };
      });
    },

    /** A preparer's items still needing work (submitted ones included), earliest due first. */
    openForOfficer(actor: Actor, officerId: number, cycleId?: number): Promise<AssignmentRow[]> {
      if (actor.kind === 'officer' && actor.officerId !== officerId) assertCan(actor, 'manage', { orgId: actor.orgId });
      return repo.list(actor.orgId, { officerId, roles: ['preparer'], statuses: OPEN_STATUSES, cycleId });
    },

    /** Everything in the organization not final yet (workflow.ts FINAL_STATUSES). */
    pending(actor: Actor, f: Pick<ListFilter, 'cycleId' | 'limit' | 'offset'> = {}): Promise<AssignmentRow[]> {
      assertCan(actor, 'view', { orgId: actor.orgId });
      return repo.list(actor.orgId, { ...f, statuses: OPEN_STATUSES });
    },

    list(actor: Actor, f: ListFilter): Promise<AssignmentRow[]> {
      assertCan(actor, 'view', { orgId: actor.orgId });
      return repo.list(actor.orgId, f);
    },

    people(actor: Actor, ids: number[]) {
      assertCan(actor, 'view', { orgId: actor.orgId });
      return repo.people(actor.orgId, ids);
    },

    /** Ticked / total components and evidence count per assignment (list views). */
    progress(actor: Actor, ids: number[]) {
      assertCan(actor, 'view', { orgId: actor.orgId });
      return repo.progress(actor.orgId, ids);
    },
  };
}

export type AssignmentsService = ReturnType<typeof createAssignmentsService>;
