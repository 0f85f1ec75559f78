import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { actorRef, type Actor } from '../auth/actor.ts';
import { auditLog } from './audit.table.ts';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

export type AuditLog = ReturnType<typeof createAuditLog>;

/** Every write goes through record(), inside the same transaction as the write itself. */
export function createAuditLog({ clock }: { clock: Clock }) {
  return {
    async record(tx: Db, actor: Actor | { orgId: number | null; ref: string }, entries: AuditEntry | AuditEntry[]) {
      const list = Array.isArray(entries) ? entries : [entries];
      if (list.length === 0) return;
      const ref = 'kind' in actor ? actorRef(actor) : actor.ref;
      const at = clock.now();
      // Chunked: a large import writes thousands of entries.
      for (let i = 0; i < list.length; i += 1000) {
        await tx.insert(auditLog).values(
          list.slice(i, i + 1000).map((e) => ({
            orgId: actor.orgId,
            actor: ref,
            action: e.action,
            entity: e.entity,
            entityId: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
            before: e.before ?? null,
            after: e.after ?? null,
            at,
          })),
        );
      }
    },
  };
}
