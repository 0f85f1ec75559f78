import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import type { Messages } from '../../messages/index.ts';
import { formatThaiDateTime } from '../../shared/thai-date.ts';
import type { LineMessage } from '../line/line.gateway.ts';
import type { ReplyRiders } from '../line/webhook/inbox.types.ts';
import { createDeliveryRepository } from './delivery.repository.ts';
import { localDay } from './month.ts';

/**
 * What rides on a free reply (issue 12.3): when someone writes to the bot (or presses a button),
 * the reminder or escalation planned for them today and not sent yet goes with the answer, and
 * its outbox row becomes `merged` in the same transaction as the answer is stored (the inbox
 * worker's), so it is never sent twice: a sender that already claimed it is not pending any more
 * and keeps it. While pushes are held for the month, an organization admin who writes gets the
 * notice once (delivery_notices), through the reply, which LINE does not count.
 */
/**
 * What may ride: pending rows never claimed (attempts 0, so no push of theirs can have reached
 * LINE) that are today's reminders and escalations, or review requests of any day still waiting
 * (while the month's pushes are held they wait for the 1st; a reviewer who writes gets them now,
 * free). Held rows count too (their next attempt is the hold's end): that is when riding matters.
 */
function rides(now: Date, t: 'o' | 'outbox') {
  const c = sql.raw(t);
  return sql`${c}.status = 'pending' and ${c}.attempts = 0
    and ((${c}.kind in ('reminder', 'escalation') and ${c}.local_date = ${localDay(now)}::date) or ${c}.kind = 'review_request')`;
}

export function createReplyRiders({ db, m }: { db: Db; m: Messages }): ReplyRiders {
  const repo = createDeliveryRepository(db);
  const take: ReplyRiders['take'] = async (tx, riders, now) => {
    const out = new Map<string, LineMessage[]>();
    const add = (to: string, msgs: LineMessage[]) => out.set(to, [...(out.get(to) ?? []), ...msgs]);
    const rooms = new Map<string, { orgId: number; room: number }>();
    for (const { rider, room } of riders) if (room > 0 && !rooms.has(rider.lineUserId)) rooms.set(rider.lineUserId, { orgId: rider.orgId, room });
    if (!rooms.size) return out;

    const admins = riders.filter((r) => r.rider.isAdmin && rooms.has(r.rider.lineUserId));
    if (admins.length) {
      const s = await repo.state(tx);
      if (s?.heldUntil && s.heldSince && s.heldReason && s.heldUntil > now) {
        for (const { rider } of admins) {
          const r = rooms.get(rider.lineUserId)!;
          if (r.room > 0 && (await repo.markTold(`hold:${s.heldSince.toISOString()}`, rider.officerId, now, tx))) {
            add(rider.lineUserId, [{ type: 'text', text: m.delivery.heldNotice(formatThaiDateTime(s.heldUntil), s.heldReason) }]);
            r.room--;
          }
        }
      }
    }

    const want = [...rooms].filter(([, r]) => r.room > 0).map(([recipient, r]) => ({ recipient, org_id: r.orgId, room: r.room }));
    if (!want.length) return out;
    const RIDES = rides(now, 'o');
    const rows = rowsOf<{ recipient: string; messages: LineMessage[] | string }>(await tx.execute(sql`
      with w as (select * from jsonb_to_recordset(${JSON.stringify(want)}::jsonb) as w(recipient text, org_id int, room int)),
      due as (
        select o.id, sum(jsonb_array_length(o.messages)) over (partition by o.recipient order by o.priority, o.id) as used, w.room
        from outbox o join w on w.recipient = o.recipient and w.org_id = o.org_id
        where ${RIDES}
      )
      update outbox o set status = 'merged', claimed_until = null, note = 'went with the reply to their message (free)'
      from due where o.id = due.id and due.used <= due.room
      returning o.recipient, o.messages`));
    for (const r of rows) add(r.recipient, typeof r.messages === 'string' ? JSON.parse(r.messages) : r.messages);
    return out;
  };

  /** One statement per inbox batch: which of these users have a reminder waiting today, and is there a hold to tell admins about. */
  const waiting: ReplyRiders['waiting'] = async (lineUserIds, now) => {
    const [r] = rowsOf<{ held: boolean | null; users: string[] | string | null }>(await db.execute(sql`
      select (select held_until > ${now.toISOString()}::timestamptz from delivery_state where id = 1) as held,
        array(select distinct recipient from outbox
          where recipient in (select jsonb_array_elements_text(${JSON.stringify(lineUserIds)}::jsonb))
            and ${rides(now, 'outbox')}) as users`));
    const users = typeof r?.users === 'string' ? r.users.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : (r?.users ?? []);
    return { users: new Set(users), admins: Boolean(r?.held) };
  };

  return { waiting, take };
}
