import type { messagingApi } from '@line/bot-sdk';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { msg, type Messages } from '../../messages/index.ts';
import type { AssignmentRow, Person } from '../assignments/assignments.repository.ts';
import type { OnSubmitted, SubmittedInfo } from '../assignments/assignments.usecases.ts';
import { allowedActions, type WorkflowAction } from '../assignments/workflow.ts';
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/permissions.ts';
import { bubble, button, clip, COLORS, flexMessage, text, uri } from '../line/chat/flex/common.ts';
import { actionButtons, dueLine, statusText } from '../line/chat/flex/item-card.ts';
import type { LineMessage } from '../line/line.gateway.ts';
import { liffUrl, type LinkConfig } from '../line/liff-url.ts';
import { createOutboxRepository, type OutboxInsert } from './outbox.repository.ts';
import { outboxRow } from './planner.ts';
import { effectivePolicy, loadPolicySet } from './policies.ts';
import { localTime, nextSendTime } from './policy.ts';

/**
 * "O12 … ส่งตรวจแล้ว": when a preparer submits, each reachable supervisor and certifier of the
 * assignment gets a card with รับรอง / ส่งกลับ at once instead of in tomorrow's summary.
 *
 * Written to the outbox inside the submit's transaction (the OnSubmitted port of
 * assignments.usecases.ts), under `review_request:<org>:<recipient>:<assignment>:v<version>`:
 * a retried transition fails its version check and writes nothing, a re-submit after a return
 * has a new version and notifies again. The buttons are the chat's own postbacks (item-card.ts)
 * carrying that version, so pressing one runs the chat's permission-checked handler and a card
 * overtaken by another decision is refused as stale.
 *
 * Outside the organization's send window (or on a non-working day) the row waits for the start of
 * the next window, and its local_date is that day's: the day it belongs to, which is also what
 * keeps the sender's expiry of earlier days' rows from dropping it overnight.
 */
export const REVIEW_REQUEST = 'review_request';

type Reviewer = { id: number; lineUserId: string | null; isAdmin: boolean };

/** The submitted item as one reviewer sees it: `actions` are what permissions.ts lets them do. */
export type ReviewerView = { row: AssignmentRow; people: Person[]; actions: WorkflowAction[]; evidenceCount: number; unticked?: string[] };

/** Every query runs on the submit's transaction `tx`. */
export function createReviewRequests({ db, config }: { db: Db; config: Config }): OnSubmitted {
  const m = msg(config.defaultLang);
  const outbox = createOutboxRepository(db);

  async function submitterName(tx: Db, info: SubmittedInfo): Promise<string> {
    const { actor, people } = info;
    if (actor.kind === 'officer') {
      const name = people.find((p) => p.officerId === actor.officerId)?.name ?? (await outbox.officerName(tx, actor.orgId, actor.officerId));
      if (name) return name;
    }
    return people.filter((p) => p.role === 'preparer').map((p) => p.name).join(', ') || m.line.list.nobody;
  }

  return async (tx, info) => {
    const { actor, assignment: a } = info;
    const reviewers = (await outbox.reviewers(tx, actor.orgId, a.id)).filter((r) => !(actor.kind === 'officer' && r.id === actor.officerId));
    if (!reviewers.length) return;
    const set = await loadPolicySet(tx, config, actor.orgId);
    const { policy, holidays } = effectivePolicy(set, actor.orgId, a.cycleId);
    const sendAt = nextSendTime(info.at, policy, holidays) ?? info.at;
    const localDate = localTime(sendAt).date;
    const by = await submitterName(tx, info);
    const rows: OutboxInsert[] = [];
    for (const r of reviewers) {
      const messages = reviewRequestMessages(m, config, reviewerView(r, info), by, localDate); // "overdue" as of the day it is read
      if (!messages) continue;
      rows.push({
        ...outboxRow({ kind: REVIEW_REQUEST, orgId: actor.orgId, recipient: r.lineUserId!, officerId: r.id, localDate, messages, now: info.at }),
        dedupeKey: `${REVIEW_REQUEST}:${actor.orgId}:${r.lineUserId}:${a.id}:v${a.version}`,
        nextAttemptAt: sendAt,
      });
    }
    await outbox.insert(tx, rows);
  };
}

/** What this reviewer may do on the submitted item, by permissions.ts, as the chat decides its cards' buttons. */
function reviewerView(r: Reviewer, info: SubmittedInfo): ReviewerView {
  const orgId = info.actor.orgId;
  const actor: Actor = { kind: 'officer', orgId, officerId: r.id, isAdmin: r.isAdmin };
  const actions = allowedActions(info.assignment.status).filter((act) => can(actor, act, { orgId, people: info.people }));
  return { row: info.assignment, people: info.people, actions, evidenceCount: info.evidenceCount, unticked: info.unticked };
}

/** "Left unticked: …": the first few components the preparer did not tick, so the reviewer checks those first. */
function untickedLines(t: Messages['reminders'], unticked: string[]) {
  if (unticked.length === 0) return [];
  const shown = unticked.slice(0, 3).map((c) => text(`• ${clip(c, 90)}`, { size: 'xs', color: COLORS.muted, wrap: true }));
  const more = unticked.length > 3 ? [text(`… +${unticked.length - 3}`, { size: 'xs', color: COLORS.muted })] : [];
  return [text(t.untickedComponents(unticked.length), { size: 'xs', color: COLORS.overdue, wrap: true }), ...shown, ...more];
}

/** The card, or null when this reviewer may neither approve nor return it (e.g. they also prepare it). */
export function reviewRequestMessages(
  m: Messages,
  config: LinkConfig,
  v: ReviewerView,
  by: string,
  today: string,
): LineMessage[] | null {
  if (!v.actions.includes('approve') && !v.actions.includes('return')) return null;
  const row = v.row;
  const t = m.reminders;
  const ctx = { m, liffUrl: (id: number) => liffUrl(config, id), today };
  const preparers = v.people.filter((p) => p.role === 'preparer').map((p) => p.name);
  const buttons: messagingApi.FlexButton[] = [
    ...actionButtons(ctx, { row, preparers, actions: v.actions, evidenceCount: v.evidenceCount, canSnooze: false }, false),
    button(uri(m.line.buttons.open, ctx.liffUrl(row.id)), 'link'),
  ];
  const card = bubble(
    {
      header: [{ type: 'box', layout: 'horizontal', contents: [text(row.itemCode, { weight: 'bold', size: 'lg', flex: 1 }), statusText(ctx, row.status)] }],
      body: [
        text(t.reviewRequest(row.itemCode, clip(row.itemTitle, 120), row.unitName, by), { weight: 'bold' }),
        text(t.evidenceLinks(v.evidenceCount), { size: 'xs', color: COLORS.muted }),
        ...untickedLines(t, v.unticked ?? []),
        dueLine(ctx, row),
      ],
      footer: buttons,
    },
    'kilo',
  );
  return [flexMessage(t.reviewRequestAlt(row.itemCode, by), card)];
}
