import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import type { LineMessage } from '../line/line.gateway.ts';
import { outbox } from './reminders.table.ts';

/** Put on reminder rows that wait for the person's daily summary to carry them (the `merge` budget levels). */
export const WAITING_FOR_SUMMARY = 'waiting to go inside the daily summary (message budget)';

/** Planning SQL for the message budget (delivery/budget.ts): who gets a summary, and merging reminders into it. */
export function createBudgetRepository() {
  return {
    /** Of `officerIds`, those who get a daily summary: admins, and supervisors or certifiers in their organization's latest cycle. */
    async summaryOfficers(tx: Db, officerIds: number[]): Promise<Set<number>> {
      if (!officerIds.length) return new Set();
      const rows = rowsOf<{ id: number }>(await tx.execute(sql`
        with ids as (select (jsonb_array_elements_text(${JSON.stringify(officerIds)}::jsonb))::int as id),
        cur as (
          select distinct on (c.org_id) c.id, c.org_id from cycles c
          where c.org_id in (select o.org_id from officers o join ids on ids.id = o.id)
          order by c.org_id, c.year desc
        )
        select o.id from officers o join ids on ids.id = o.id where o.is_admin
        union
        select ap.officer_id from assignment_people ap join ids on ids.id = ap.officer_id
        join assignments a on a.id = ap.assignment_id join cur on cur.id = a.cycle_id
        where ap.role in ('supervisor', 'certifier')`));
      return new Set(rows.map((r) => Number(r.id)));
    },

    /**
     * Takes today's reminders that wait for these recipients' summaries: they become 'merged' and
     * their messages go inside the summary push, in the summary's own transaction. A reminder a
     * sender already claimed is not taken (it is no longer pending), so nothing goes twice.
     */
    async takeWaiting(tx: Db, orgId: number, recipients: string[], today: string): Promise<Map<string, LineMessage[]>> {
      const out = new Map<string, LineMessage[]>();
      if (!recipients.length) return out;
      const rows = await tx
        .update(outbox)
        .set({ status: 'merged', note: 'sent inside the daily summary (message budget)' })
        .where(and(
          eq(outbox.orgId, orgId),
          eq(outbox.kind, 'reminder'),
          eq(outbox.status, 'pending'),
          eq(outbox.localDate, today),
          eq(outbox.note, WAITING_FOR_SUMMARY),
          inArray(outbox.recipient, recipients),
        ))
        .returning({ recipient: outbox.recipient, messages: outbox.messages });
      for (const r of rows) out.set(r.recipient, [...(out.get(r.recipient) ?? []), ...(r.messages as LineMessage[])]);
      return out;
    },
  };
}
