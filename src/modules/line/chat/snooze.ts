import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../shared/clock.ts';
import { errors } from '../../../shared/errors.ts';
import { bangkokDate } from '../../../shared/thai-date.ts';
import type { AssignmentsService } from '../../assignments/assignments.usecases.ts';
import type { AuditLog } from '../../audit/audit.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCan } from '../../auth/permissions.ts';
import { snoozes } from '../../reminders/reminders.table.ts';

/** ISO date `days` after `iso`. */
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * "เลื่อนเตือน": no reminder to this officer about this assignment until the returned date
 * (Bangkok). Who may snooze is decided in permissions.ts ('snooze'); the reminders module reads `snoozes`.
 */
type Deps = { db: Db; assignments: Pick<AssignmentsService, 'detail'>; audit: Pick<AuditLog, 'record'>; clock: Clock };

export function createSnoozeService({ db, assignments, audit, clock }: Deps) {
  return {
    async snooze(actor: Actor, assignmentId: number, days: number): Promise<{ until: string; itemCode: string }> {
      // Reminders go to officers: nobody else has any to snooze.
      if (actor.kind !== 'officer') throw errors.forbidden('snooze');
      if (!Number.isInteger(days) || days < 1 || days > 14) throw errors.validation([{ path: 'days', message: '1–14' }]);
      const d = await assignments.detail(actor, assignmentId);
      assertCan(actor, 'snooze', { orgId: actor.orgId, people: d.people });
      const until = addDays(bangkokDate(clock.now()), days);
      // Audited like every write, which also keys it by the LINE event that asked for it (audit.ts).
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(snoozes)
          .values({ officerId: actor.officerId, assignmentId, orgId: actor.orgId, until })
          .onConflictDoUpdate({ target: [snoozes.officerId, snoozes.assignmentId], set: { until: sql`greatest(${snoozes.until}, excluded.until)` } })
          .returning({ until: snoozes.until });
        await audit.record(tx, actor, { action: 'snooze.set', entity: 'assignment', entityId: assignmentId, after: { until: row?.until ?? until } });
        return { until: row?.until ?? until, itemCode: d.assignment.itemCode };
      });
    },
  };
}

export type SnoozeService = ReturnType<typeof createSnoozeService>;
