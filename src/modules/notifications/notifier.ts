import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { msg } from '../../messages/index.ts';
import type { AssignmentChange, OnAssignmentChange } from '../assignments/assignment-events.ts';
import { IN_REVIEW_STATUSES } from '../assignments/workflow.ts';
import { PRIORITY } from '../delivery/budget.ts';
import type { LineMessage } from '../line/line.gateway.ts';
import { createOutboxRepository, type OutboxInsert } from '../reminders/outbox.repository.ts';
import { outboxRow } from '../reminders/planner.ts';
import { effectivePolicy, loadPolicySet } from '../reminders/policies.ts';
import { localTime, nextSendTime } from '../reminders/policy.ts';
import { noticePriority, noticesFor } from './notices.ts';
import { createNotificationsRepository } from './notifications.repository.ts';
import { REVIEW_REQUEST, reviewCard, reviewerActions } from './review-cards.ts';

export const NOTICE = 'notice';

/**
 * The real OnAssignmentChange (assignments/assignment-events.ts): every change to an assignment,
 * from any entry point, tells the people it concerns through the outbox, in the change's own
 * transaction: the reviewer whose step it now is gets a review card; the preparers are told of a
 * return (with the reason), a check, the final certification, a reopening, a due-date change; a
 * person put on or taken off the item is told so. Nobody is told of their own action, nobody
 * unreachable (blocked, no LINE id, inactive) gets a row.
 *
 * Rows are keyed `<kind>:<org>:<recipient>:<assignment>:v<version>`: every change moves the
 * version, so a retried request that changes nothing writes nothing, and a later change of the
 * same kind notifies again. Outside the organization's send window (or on a non-working day) the
 * row waits for the start of the next window, and its local_date is that day's (so the sender's
 * expiry of earlier days' rows does not drop it overnight).
 */
export function createNotifier({ db, config }: { db: Db; config: Config }): OnAssignmentChange {
  const m = msg(config.defaultLang);
  const outbox = createOutboxRepository(db);
  const repo = createNotificationsRepository();

  /** Review cards for whoever may check or certify the item now. */
  function cards(c: AssignmentChange, reachable: Array<{ id: number; lineUserId: string; isAdmin: boolean }>, today: string): Map<number, LineMessage[]> {
    const out = new Map<number, LineMessage[]>();
    if (c.kind !== 'transition' || !IN_REVIEW_STATUSES.includes(c.assignment.status)) return out;
    const reviewers = new Set(c.people.filter((p) => p.role !== 'preparer').map((p) => p.officerId));
    const preparerNames = c.people.filter((p) => p.role === 'preparer').map((p) => p.name).join(', ');
    const by = c.actorName ?? (preparerNames || m.workflow.someone);
    for (const r of reachable) {
      if (!reviewers.has(r.id)) continue;
      const actions = reviewerActions(r, c.actor.orgId, c.assignment, c.people, c.reviewPath);
      const card = reviewCard(m, config, { row: c.assignment, people: c.people, actions, evidenceCount: c.evidenceCount, unticked: c.unticked }, by, today);
      if (card) out.set(r.id, card);
    }
    return out;
  }

  return async (tx, c) => {
    const orgId = c.actor.orgId;
    const self = c.actor.kind === 'officer' ? c.actor.officerId : null;
    const ids = new Set([...c.people.map((p) => p.officerId), ...(c.kind === 'people' ? c.removed.map((p) => p.officerId) : [])]);
    if (self !== null) ids.delete(self);
    const reachable = await repo.reachable(tx, orgId, [...ids]);
    if (reachable.length === 0) return;
    const set = await loadPolicySet(tx, config, orgId);
    const { policy, holidays } = effectivePolicy(set, orgId, c.assignment.cycleId);
    const sendAt = nextSendTime(c.at, policy, holidays) ?? c.at;
    const localDate = localTime(sendAt).date;
    const byKind: Array<[string, Map<number, LineMessage[]>, number]> = [
      [REVIEW_REQUEST, cards(c, reachable, localDate), PRIORITY.review],
      [NOTICE, noticesFor(m, config, c), noticePriority(c)],
    ];
    const rows: OutboxInsert[] = [];
    for (const r of reachable) {
      for (const [kind, messages, priority] of byKind) {
        const mine = messages.get(r.id);
        if (!mine) continue;
        rows.push({
          ...outboxRow({ kind, orgId, recipient: r.lineUserId, officerId: r.id, localDate, messages: mine, now: c.at, priority }),
          dedupeKey: `${kind}:${orgId}:${r.lineUserId}:${c.assignment.id}:v${c.assignment.version}`,
          nextAttemptAt: sendAt,
        });
      }
    }
    await outbox.insert(tx, rows);
  };
}
