import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit.ts';
import { actorRef, type Actor } from '../auth/actor.ts';
import { assertCan, can } from '../auth/permissions.ts';
import type { AssignmentRow, AssignmentsRepository, ListFilter, Person } from './assignments.repository.ts';
import { normaliseEvidenceUrl } from './evidence-url.ts';
import { allowedActions, nextStatus, OPEN_STATUSES, type WorkflowAction } from './workflow.ts';

/** A successful submit, as the transaction that made it sees it (`assignment` is the row after). */
export type SubmittedInfo = { actor: Actor; assignment: AssignmentRow; people: Person[]; evidenceCount: number; at: Date };

/**
 * Called inside the submit's transaction, so whatever it writes (the reviewers' notifications)
 * commits or rolls back with the status change: exactly once per submit, never lost. A port, so
 * this module does not depend on LINE or reminders; the container wires the real one.
 */
export type OnSubmitted = (tx: Db, info: SubmittedInfo) => Promise<void>;

type Deps = { db: Db; repo: AssignmentsRepository; audit: AuditLog; clock: Clock; onSubmitted: OnSubmitted };

export function createAssignmentsService({ db, repo, audit, clock, onSubmitted }: Deps) {
  async function load(actor: Actor, id: number, tx: Db = db) {
    const row = await repo.byId(actor.orgId, id, tx);
    if (!row) throw errors.notFound('assignment', id);
    const people = await repo.people(actor.orgId, [id], tx);
    return { row, people };
  }

  return {
    /** One assignment with its catalog item, people and evidence, and what this actor may do. */
    async detail(actor: Actor, id: number) {
      const { row, people } = await load(actor, id);
      assertCan(actor, 'view', { orgId: actor.orgId, people });
      const [evidence, itemId] = await Promise.all([repo.evidence(actor.orgId, id), repo.itemIdOf(actor.orgId, id)]);
      const item = itemId === undefined ? undefined : await repo.itemDetail(itemId);
      const actions = allowedActions(row.status).filter((a) => can(actor, a, { orgId: actor.orgId, people }));
      return { assignment: row, item, people, evidence, actions };
    },

    /** Moves an assignment through the workflow; permission, transition and version are checked. */
    async transition(actor: Actor, id: number, action: WorkflowAction, opts: { note?: string | null; version?: number } = {}) {
      return db.transaction(async (tx) => {
        const { row, people } = await load(actor, id, tx);
        assertCan(actor, action, { orgId: actor.orgId, people });
        if (opts.version !== undefined && opts.version !== row.version) throw errors.staleVersion();
        const evidenceCount = action === 'submit' ? (await repo.evidence(actor.orgId, id, tx)).length : 0;
        const next = nextStatus(row.status, action, { note: opts.note, evidenceCount });
        const at = clock.now();
        const ok = await repo.setStatus(tx, actor.orgId, id, row.version, { status: next.to, statusNote: next.note, at });
        if (!ok) throw errors.staleVersion();
        await audit.record(tx, actor, {
          action: `assignment.${action}`,
          entity: 'assignment',
          entityId: id,
          before: { status: row.status, statusNote: row.statusNote },
          after: { status: next.to, statusNote: next.note },
        });
        const after = (await repo.byId(actor.orgId, id, tx))!;
        if (action === 'submit') await onSubmitted(tx, { actor, assignment: after, people, evidenceCount, at });
        return after;
      });
    },

    async addEvidence(actor: Actor, id: number, input: { url: string; label?: string | null }) {
      const url = normaliseEvidenceUrl(input.url);
      return db.transaction(async (tx) => {
        const { people } = await load(actor, id, tx);
        assertCan(actor, 'add_evidence', { orgId: actor.orgId, people });
        const link = await repo.addEvidence(tx, {
          orgId: actor.orgId,
          assignmentId: id,
          url,
          label: input.label?.trim() || null,
          addedBy: actorRef(actor),
          at: clock.now(),
        });
        await audit.record(tx, actor, { action: 'evidence.add', entity: 'assignment', entityId: id, after: { url, label: link.label } });
        return link;
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
  };
}

export type AssignmentsService = ReturnType<typeof createAssignmentsService>;
