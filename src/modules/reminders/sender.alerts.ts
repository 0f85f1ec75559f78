import type { Db } from '../../db/client.ts';
import type { Messages } from '../../messages/index.ts';
import type { LineApiError } from '../line/line.gateway.ts';
import { adminAlertMessages } from './flex.ts';
import type { ClaimedRow, ExpiredRow, OutboxRepository } from './outbox.repository.ts';
import { outboxRow } from './planner.ts';
import { localTime } from './policy.ts';

/**
 * What the organization admins are told when the sender gives up on messages: an outbox row of
 * their own (kind admin_alert, never expired), written in the same transaction as the outcome,
 * under a dedupe key naming the outcome, so they are told once.
 */
export function createSenderAlerts(repo: OutboxRepository, m: Messages) {
  async function alertAdmins(tx: Db, orgId: number, key: string, messages: ReturnType<typeof adminAlertMessages>, at: Date, except?: string) {
    const alerts = (await repo.admins(tx, orgId))
      .filter((a) => a.lineUserId && a.lineUserId !== except)
      .map((a) => ({
        ...outboxRow({ kind: 'admin_alert', orgId, recipient: a.lineUserId!, officerId: a.id, localDate: localTime(at).date, messages, now: at }),
        dedupeKey: `admin_alert:${orgId}:${a.lineUserId}:${key}`,
      }));
    await repo.insert(tx, alerts);
  }

  return {
    /** A permanent failure (blocked or unknown user): the row fails, the admins are told once per row. */
    async failForGood(db: Db, row: ClaimedRow, err: LineApiError, at: Date) {
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        if (!(await repo.markFailed(tx, row, err.message)) || row.kind === 'admin_alert') return;
        const name = row.officer_id ? await repo.officerName(tx, row.org_id, row.officer_id) : undefined;
        const messages = adminAlertMessages(m, name ?? row.recipient, `LINE ${err.status || 'error'}`);
        await alertAdmins(tx, row.org_id, `outbox-${row.id}`, messages, at, row.recipient);
      });
    },

    /**
     * Rows planned for an earlier day that were never sent (LINE or this service was down) are
     * expired, not sent late; each organization's admins are told how many, of which kinds, in
     * the same transaction (issue 10.4: never silently).
     */
    async expireStale(db: Db, today: string, leaseNow: Date, at: Date): Promise<number> {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const expired = await repo.expireStale(tx, today, leaseNow);
        const byOrg = new Map<number, ExpiredRow[]>();
        for (const r of expired) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r]);
        for (const [orgId, rows] of byOrg) {
          const days = [...new Set(rows.map((r) => r.localDate))].sort();
          const perKind = new Map<string, number>();
          for (const r of rows) perKind.set(r.kind, (perKind.get(r.kind) ?? 0) + 1);
          const kinds = [...perKind].map(([k, n]) => `${m.delivery.kind[k] ?? k} ${n}`).join(', ');
          const first = Math.min(...rows.map((r) => r.id));
          await alertAdmins(tx, orgId, `expired-${first}`, [{ type: 'text', text: m.delivery.expiredAlert(rows.length, days, kinds) }], at);
        }
        return expired.length;
      });
    },
  };
}
