import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Messages } from '../../messages/index.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import { bangkokDate, formatThaiDateTime } from '../../shared/thai-date.ts';
import { personKey } from '../../shared/thai-text.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { OrgRepository } from '../org/org.repository.ts';
import { outbox } from '../reminders/reminders.table.ts';
import { createDeliveryRepository } from './delivery.repository.ts';
import type { DeliveryService } from './delivery.usecases.ts';
import { monthStart } from './month.ts';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'merged', 'dropped', 'failed', 'expired'] as const;

type Deps = {
  db: Db;
  clock: Clock;
  m: Messages;
  orgRepo: Pick<OrgRepository, 'byId' | 'officers'>;
  delivery: Pick<DeliveryService, 'status'>;
  /** The outbox sender (reminders module): sends everything due, the test message first (priority 0). */
  drain: (now: () => Date) => Promise<{ hold?: { reason: string; until: Date } }>;
};

/**
 * The delivery log (every planned message: kind, recipient, cost, what became of it and why),
 * the organization's overview of the month, and a test message an admin sends to see that LINE
 * works end to end. Admin only (permissions.ts `manage`): the log names recipients.
 */
export function createDeliveriesService({ db, clock, m, orgRepo, delivery, drain }: Deps) {
  const repo = createDeliveryRepository(db);

  return {
    async log(actor: Actor, opts: { since?: string; status?: string[]; kind?: string[]; limit?: number } = {}) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const now = clock.now();
      const since = opts.since ?? bangkokDate(monthStart(now));
      const rows = await repo.log(actor.orgId, { since, status: opts.status, kind: opts.kind, limit: opts.limit ?? 200 });
      const totals = await repo.statusCounts(since, actor.orgId);
      return { since, totals, rows };
    },

    /**
     * This month for the organization: the channel's budget, level and hold (shared by every
     * organization on the channel: totals only), this organization's share of the forecast, and
     * its messages by status. What the LIFF overview and the admin API show.
     */
    async overview(actor: Actor) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const now = clock.now();
      const { forecast, ...status } = await delivery.status(now);
      const month = await repo.statusCounts(bangkokDate(monthStart(now)), actor.orgId);
      const channel = forecast ? { full: forecast.full, atLevel: forecast.atLevel, byKind: forecast.byKind, runsOutOn: forecast.runsOutOn } : null;
      const share = forecast ? (forecast.byOrg[String(actor.orgId)] ?? { full: 0, atLevel: 0 }) : null;
      return { ...status, forecast: channel, organization: { forecast: share, month } };
    },

    /**
     * Sends one test message to an officer now, through the outbox like every push (logged, with
     * a retry key), and says what happened: sent, failed (LINE's answer) or held (the month's
     * messages are spent).
     */
    async sendTest(actor: Actor, officer: { id?: number; name?: string }) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const org = await orgRepo.byId(actor.orgId);
      const all = await orgRepo.officers(actor.orgId);
      const o = officer.id !== undefined ? all.find((x) => x.id === officer.id) : all.find((x) => x.nameKey === personKey(officer.name ?? ''));
      if (!o) throw errors.notFound('officer', officer.id ?? officer.name);
      if (!o.lineUserId || !o.reachable || !o.active) throw errors.officerNotOnLine(o.name);
      const now = clock.now();
      const [row] = await db
        .insert(outbox)
        .values({
          orgId: actor.orgId, dedupeKey: `test:${actor.orgId}:${o.lineUserId}:${randomUUID()}`, kind: 'test', recipient: o.lineUserId, officerId: o.id,
          localDate: bangkokDate(now), messages: [{ type: 'text', text: m.delivery.testMessage(org?.name ?? '', formatThaiDateTime(now)) }],
          retryKey: randomUUID(), status: 'pending', priority: 0, cost: 1, nextAttemptAt: now, createdAt: now,
        })
        .returning({ id: outbox.id });
      const drained = await drain(() => clock.now());
      const [after] = await db.select().from(outbox).where(and(eq(outbox.id, row!.id), eq(outbox.orgId, actor.orgId)));
      const status = after!.status === 'sent' ? 'sent' : drained.hold ? 'held' : after!.status === 'failed' ? 'failed' : 'pending';
      return { officer: o.name, recipient: o.lineUserId, status, why: after!.note ?? after!.lastError ?? null, hold: drained.hold ?? null };
    },
  };
}

export type DeliveriesService = ReturnType<typeof createDeliveriesService>;
