import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import { actorRef, type Actor } from '../auth/actor.ts';
import { appliedEvents } from './applied-events.table.ts';
import { auditLog } from './audit.table.ts';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** Who wrote it: an actor, or a plain reference; `eventId` as on an officer actor (actor.ts). */
export type AuditActor = Actor | { orgId: number | null; ref: string; eventId?: string };

export type AuditLog = ReturnType<typeof createAuditLog>;

/**
 * Every write goes through record(), inside the same transaction as the write itself. That makes
 * it the one place where the effects of a LINE webhook event are keyed by the event (issue 10.3):
 * with an `eventId`, record() first inserts the effect's marker (applied-events.table.ts); if the
 * event already applied it, record() throws EVENT_ALREADY_APPLIED and the whole transaction, the
 * effect included, rolls back.
 */
export function createAuditLog({ clock }: { clock: Clock }) {
  return {
    async record(tx: Db, actor: AuditActor, entries: AuditEntry | AuditEntry[]) {
      const list = Array.isArray(entries) ? entries : [entries];
      if (list.length === 0) return;
      const ref = 'kind' in actor ? actorRef(actor) : actor.ref;
      const at = clock.now();
      const eventId = 'eventId' in actor ? actor.eventId : undefined;
      if (eventId) {
        const first = list[0]!;
        const entityId = first.entityId === undefined || first.entityId === null ? null : String(first.entityId);
        const marked = await tx
          .insert(appliedEvents)
          .values({ eventId, step: `${first.action}:${first.entity}:${entityId ?? ''}`, orgId: actor.orgId, action: first.action, entity: first.entity, entityId, appliedAt: at })
          .onConflictDoNothing()
          .returning({ at: sql`1` });
        if (marked.length === 0) throw errors.eventAlreadyApplied();
      }
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
