import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit.ts';
import { actorRef, type Actor } from '../auth/actor.ts';
import { assertCan, isAdmin, type Action } from '../auth/permissions.ts';
import type { AssignmentRow, AssignmentsRepository, EvidenceLink, Person } from './assignments.repository.ts';
import { checkEvidenceUrl, type EvidenceWarning } from './evidence-url.ts';
import { contentEditable } from './workflow.ts';

export type Loaded = { row: AssignmentRow; people: Person[] };

type Deps = {
  db: Db;
  repo: AssignmentsRepository;
  audit: AuditLog;
  clock: Clock;
  orgDomains: (orgId: number) => Promise<readonly string[]>;
  load: (actor: Actor, id: number, tx: Db) => Promise<Loaded>;
};

/**
 * What the preparer puts on an item before submitting: evidence links and ticked components.
 * Every change is permission-checked (permissions.ts), allowed only while the preparer holds the
 * item (workflow.ts; an organization admin may correct it at any time), and audited in the same
 * transaction.
 */
export function createContentUseCases({ db, repo, audit, clock, orgDomains, load }: Deps) {
  async function editable(actor: Actor, id: number, tx: Db, action: Action): Promise<Loaded> {
    const loaded = await load(actor, id, tx);
    assertCan(actor, action, { orgId: actor.orgId, people: loaded.people });
    if (!isAdmin(actor) && !contentEditable(loaded.row.status)) throw errors.itemLocked(loaded.row.status);
    return loaded;
  }

  async function evidenceOf(tx: Db, actor: Actor, id: number, evidenceId: number): Promise<EvidenceLink> {
    const link = await repo.evidenceById(tx, actor.orgId, id, evidenceId);
    if (!link) throw errors.notFound('evidence', evidenceId);
    return link;
  }

  return {
    /** Adds an evidence URL (rules in evidence-url.ts); the warnings say what to double-check. */
    async addEvidence(actor: Actor, id: number, input: { url: string; label?: string | null }): Promise<EvidenceLink & { warnings: EvidenceWarning[] }> {
      // Read before the transaction: the embedded database has one connection, which the transaction holds.
      const domains = await orgDomains(actor.orgId);
      return db.transaction(async (tx) => {
        await editable(actor, id, tx, 'add_evidence');
        const existing = (await repo.evidence(actor.orgId, id, tx)).map((e) => e.url);
        const { url, warnings } = checkEvidenceUrl(input.url, { existing, orgDomains: domains });
        const link = await repo.addEvidence(tx, { orgId: actor.orgId, assignmentId: id, url, label: input.label?.trim() || null, addedBy: actorRef(actor), at: clock.now() });
        await audit.record(tx, actor, { action: 'evidence.add', entity: 'assignment', entityId: id, after: { evidenceId: link.id, url, label: link.label } });
        return { ...link, warnings };
      });
    },

    async relabelEvidence(actor: Actor, id: number, evidenceId: number, label: string | null): Promise<EvidenceLink> {
      return db.transaction(async (tx) => {
        await editable(actor, id, tx, 'edit_evidence');
        const before = await evidenceOf(tx, actor, id, evidenceId);
        const next = label?.trim() || null;
        if (next === before.label) return before;
        const after = await repo.setEvidenceLabel(tx, actor.orgId, evidenceId, next);
        await audit.record(tx, actor, { action: 'evidence.relabel', entity: 'assignment', entityId: id, before: { evidenceId, label: before.label }, after: { evidenceId, label: next } });
        return after;
      });
    },

    async removeEvidence(actor: Actor, id: number, evidenceId: number): Promise<void> {
      await db.transaction(async (tx) => {
        await editable(actor, id, tx, 'edit_evidence');
        const before = await evidenceOf(tx, actor, id, evidenceId);
        await repo.deleteEvidence(tx, actor.orgId, evidenceId);
        await audit.record(tx, actor, { action: 'evidence.remove', entity: 'assignment', entityId: id, before: { evidenceId, url: before.url, label: before.label } });
      });
    },

    /** Sets which of the item's components (0-based positions in its catalog `components`) are covered. */
    async setTicks(actor: Actor, id: number, indexes: readonly number[]): Promise<number[]> {
      return db.transaction(async (tx) => {
        await editable(actor, id, tx, 'tick_components');
        const itemId = await repo.itemIdOf(actor.orgId, id, tx);
        const components = (itemId === undefined ? undefined : await repo.itemDetail(itemId, tx))?.components ?? [];
        const wanted = [...new Set(indexes)].sort((a, b) => a - b);
        for (const i of wanted) if (!Number.isInteger(i) || i < 0 || i >= components.length) throw errors.componentIndexInvalid(i, components.length);
        const before = (await repo.ticks(actor.orgId, id, tx)).map((t) => t.componentIndex);
        if (before.length === wanted.length && before.every((b, k) => b === wanted[k])) return wanted;
        await repo.replaceTicks(tx, { orgId: actor.orgId, assignmentId: id, ticked: wanted.map((i) => ({ index: i, text: components[i]! })), by: actorRef(actor), at: clock.now() });
        await audit.record(tx, actor, { action: 'components.tick', entity: 'assignment', entityId: id, before: { ticked: before }, after: { ticked: wanted, total: components.length } });
        return wanted;
      });
    },
  };
}
