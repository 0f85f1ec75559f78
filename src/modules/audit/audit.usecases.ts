import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import { officerIdOfRef, type AssignmentsService } from '../assignments/assignments.usecases.ts';
import type { OrgRepository } from '../org/org.repository.ts';
import type { AuditRepository } from './audit.repository.ts';

export type AuditEntry = {
  id: number;
  at: Date;
  /** The actor ref ("officer:12", "token:3", "cli", "system") and, for an officer, their name. */
  actor: string;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

type Deps = {
  repo: Pick<AuditRepository, 'list'>;
  assignments: Pick<AssignmentsService, 'list'>;
  orgRepo: Pick<OrgRepository, 'officersByIds'>;
};

export const AUDIT_MAX_LIMIT = 1000;

/**
 * Reading the audit log (admins only: it shows everyone's actions): the whole organization's, or
 * one item's (every assignment of that item code, in every cycle), since a time, newest first.
 */
export function createAuditReader(d: Deps) {
  return {
    async read(actor: Actor, f: { itemNumber?: number; since?: Date; limit?: number } = {}): Promise<AuditEntry[]> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const ids = f.itemNumber === undefined ? undefined : (await d.assignments.list(actor, { itemNumber: f.itemNumber, limit: 100_000 })).map((a) => String(a.id));
      const rows = await d.repo.list(actor.orgId, { entity: ids ? { name: 'assignment', ids } : undefined, since: f.since, limit: Math.min(f.limit ?? 100, AUDIT_MAX_LIMIT) });
      const officerIds = [...new Set(rows.map((r) => officerIdOfRef(r.actor)).filter((x): x is number => x !== null))];
      const names = new Map((await d.orgRepo.officersByIds(actor.orgId, officerIds)).map((o) => [`officer:${o.id}`, o.name]));
      return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, actorName: names.get(r.actor) ?? null, action: r.action, entity: r.entity, entityId: r.entityId, before: r.before, after: r.after }));
    },
  };
}

export type AuditReader = ReturnType<typeof createAuditReader>;
