import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { AuditRepository, AuditRow } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan, can } from '../auth/permissions.ts';
import { createContentUseCases } from './assignments.content.ts';
import type { AssignmentRow, AssignmentsRepository, ListFilter, Person } from './assignments.repository.ts';
import { allowedActions, nextStatus, OPEN_STATUSES, type WorkflowAction } from './workflow.ts';

/** A successful submit, as the transaction that made it sees it (`assignment` is the row after). */
export type SubmittedInfo = {
  actor: Actor;
  assignment: AssignmentRow;
  people: Person[];
  evidenceCount: number;
  /** The catalog components the preparer left unticked (their text), for the reviewer to check. */
  unticked: string[];
  at: Date;
};

/**
 * Called inside the submit's transaction, so whatever it writes (the reviewers' notifications)
 * commits or rolls back with the status change: exactly once per submit, never lost. A port, so
 * this module does not depend on LINE or reminders; the container wires the real one.
 */
export type OnSubmitted = (tx: Db, info: SubmittedInfo) => Promise<void>;

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
  onSubmitted: OnSubmitted;
};

export function createAssignmentsService({ db, repo, audit, auditRepo, clock, orgDomains, onSubmitted }: Deps) {
  async function load(actor: Actor, id: number, tx: Db = db) {
    const row = await repo.byId(actor.orgId, id, tx);
    if (!row) throw errors.notFound('assignment', id);
    const people = await repo.people(actor.orgId, [id], tx);
    return { row, people };
  }

  async function components(orgId: number, id: number, tx: Db = db): Promise<string[]> {
    const itemId = await repo.itemIdOf(orgId, id, tx);
    return (itemId === undefined ? undefined : await repo.itemDetail(itemId, tx))?.components ?? [];
  }

  const content = createContentUseCases({ db, repo, audit, clock, orgDomains, load });

  return {
    /** One assignment with its catalog item, people, evidence and ticks, and what this actor may do. */
    async detail(actor: Actor, id: number) {
      const { row, people } = await load(actor, id);
      assertCan(actor, 'view', { orgId: actor.orgId, people });
      const [evidence, itemId, ticks] = await Promise.all([repo.evidence(actor.orgId, id), repo.itemIdOf(actor.orgId, id), repo.ticks(actor.orgId, id)]);
      const item = itemId === undefined ? undefined : await repo.itemDetail(itemId);
      const actions = allowedActions(row.status).filter((a) => can(actor, a, { orgId: actor.orgId, people }));
      return { assignment: row, item, people, evidence, ticked: ticks.map((t) => t.componentIndex), actions };
    },

    /** What happened to the item, newest first (the audit log, read within the actor's organization). */
    async history(actor: Actor, id: number, limit = 100): Promise<AuditRow[]> {
      const { people } = await load(actor, id);
      assertCan(actor, 'view', { orgId: actor.orgId, people });
      return auditRepo.forAssignment(actor.orgId, id, limit);
    },

    /** Moves an assignment through the workflow; permission, transition and version are checked. */
    async transition(actor: Actor, id: number, action: WorkflowAction, opts: TransitionOptions = {}) {
      return db.transaction(async (tx) => {
        const { row, people } = await load(actor, id, tx);
        assertCan(actor, action, { orgId: actor.orgId, people });
        if (opts.version !== undefined && opts.version !== row.version) throw errors.staleVersion();
        const evidenceCount = action === 'submit' ? (await repo.evidence(actor.orgId, id, tx)).length : 0;
        const next = nextStatus(row.status, action, { note: opts.note, evidenceCount });
        let unticked: string[] = [];
        if (action === 'submit') {
          const all = await components(actor.orgId, id, tx);
          const ticked = new Set((await repo.ticks(actor.orgId, id, tx)).map((t) => t.componentIndex));
          const missing = all.map((_, i) => i).filter((i) => !ticked.has(i));
          if (missing.length > 0 && !opts.confirmIncomplete) throw errors.incompleteComponents(missing, all.length);
          unticked = missing.map((i) => all[i]!);
        }
        const at = clock.now();
        const ok = await repo.setStatus(tx, actor.orgId, id, row.version, { status: next.to, statusNote: next.note, at });
        if (!ok) throw errors.staleVersion();
        await audit.record(tx, actor, {
          action: `assignment.${action}`,
          entity: 'assignment',
          entityId: id,
          before: { status: row.status, statusNote: row.statusNote },
          after: { status: next.to, statusNote: next.note, ...(unticked.length ? { unticked } : {}) },
        });
        const after = (await repo.byId(actor.orgId, id, tx))!;
        if (action === 'submit') await onSubmitted(tx, { actor, assignment: after, people, evidenceCount, unticked, at });
        return after;
      });
    },

    ...content,

    /**
     * What a list card shows of each row (people, evidence count, what the actor may do), for a
     * page of rows in two statements instead of a detail() per card (issue 12.6: the chat lists).
     */
    async cards(actor: Actor, rows: AssignmentRow[]) {
      const ids = rows.map((r) => r.id);
      const [people, evidence] = await Promise.all([repo.people(actor.orgId, ids), repo.evidenceCounts(actor.orgId, ids)]);
      return rows.map((row) => {
        const mine = people.filter((p) => p.assignmentId === row.id);
        assertCan(actor, 'view', { orgId: actor.orgId, people: mine });
        const actions = allowedActions(row.status).filter((a) => can(actor, a, { orgId: actor.orgId, people: mine }));
        return { row, people: mine, evidenceCount: evidence.get(row.id) ?? 0, actions };
      });
    },

    /** A preparer's items still needing work (submitted ones included), earliest due first. */
    openForOfficer(actor: Actor, officerId: number, cycleId?: number): Promise<AssignmentRow[]> {
      if (actor.kind === 'officer' && actor.officerId !== officerId) assertCan(actor, 'manage', { orgId: actor.orgId });
      return repo.list(actor.orgId, { officerId, roles: ['preparer'], statuses: OPEN_STATUSES, cycleId });
    },

    /** Everything in the organization not yet approved (or declared not applicable). */
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
