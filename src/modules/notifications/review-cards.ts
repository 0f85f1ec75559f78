import type { messagingApi } from '@line/bot-sdk';
import type { Messages } from '../../messages/index.ts';
import type { AssignmentRow, Person } from '../assignments/assignments.repository.ts';
import { allowedActions, type ReviewPath, type WorkflowAction } from '../assignments/workflow.ts';
import { permissionTarget } from '../assignments/permission-target.ts';
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/permissions.ts';
import { bubble, button, clip, COLORS, flexMessage, text, uri } from '../line/chat/flex/common.ts';
import { actionButtons, dueLine, statusText } from '../line/chat/flex/item-card.ts';
import type { LineMessage } from '../line/line.gateway.ts';
import { liffUrl, type LinkConfig } from '../line/liff-url.ts';

/**
 * "O12 … ส่งตรวจแล้ว" / "O12 … ตรวจแล้ว รอคุณรับรอง": the reviewer whose step it is gets a card with
 * the chat's own buttons (item-card.ts postbacks carrying the version), so pressing one runs the
 * chat's permission-checked handler and a card overtaken by another decision says what happened.
 * Who gets one is decided by permissions.ts: the reviewers who may check or certify the item now
 * (the supervisors when it is submitted, the certifiers once it is checked).
 */
export const REVIEW_REQUEST = 'review_request';

/** What this reviewer may do on the item now, by permissions.ts, as the chat decides its cards' buttons. */
export function reviewerActions(reviewer: { id: number; isAdmin: boolean }, orgId: number, row: AssignmentRow, people: Person[], path: ReviewPath): WorkflowAction[] {
  const actor: Actor = { kind: 'officer', orgId, officerId: reviewer.id, isAdmin: reviewer.isAdmin };
  return allowedActions(row.status, path).filter((a) => can(actor, a, permissionTarget(orgId, row, people)));
}

/** "Left unticked: …": the first few components the preparer did not tick, so the reviewer checks those first. */
function untickedLines(t: Messages['reminders'], unticked: string[]) {
  if (unticked.length === 0) return [];
  const shown = unticked.slice(0, 3).map((c) => text(`• ${clip(c, 90)}`, { size: 'xs', color: COLORS.muted, wrap: true }));
  const more = unticked.length > 3 ? [text(`… +${unticked.length - 3}`, { size: 'xs', color: COLORS.muted })] : [];
  return [text(t.untickedComponents(unticked.length), { size: 'xs', color: COLORS.overdue, wrap: true }), ...shown, ...more];
}

/** The card, or null when this reviewer may neither check nor certify the item now. */
export function reviewCard(
  m: Messages,
  config: LinkConfig,
  v: { row: AssignmentRow; people: Person[]; actions: WorkflowAction[]; evidenceCount: number; unticked?: string[] },
  by: string,
  today: string,
): LineMessage[] | null {
  if (!v.actions.includes('check') && !v.actions.includes('approve')) return null;
  const row = v.row;
  const c = m.workflow.card;
  const ctx = { m, liffUrl: (id: number) => liffUrl(config, id), today };
  const preparers = v.people.filter((p) => p.role === 'preparer').map((p) => p.name);
  const buttons: messagingApi.FlexButton[] = [
    ...actionButtons(ctx, { row, preparers, actions: v.actions, evidenceCount: v.evidenceCount, canSnooze: false }, false),
    button(uri(m.line.buttons.open, ctx.liffUrl(row.id)), 'link'),
  ];
  const checked = row.status === 'checked';
  const title = clip(row.itemTitle, 120);
  const card = bubble(
    {
      header: [{ type: 'box', layout: 'horizontal', contents: [text(row.itemCode, { weight: 'bold', size: 'lg', flex: 1 }), statusText(ctx, row.status)] }],
      body: [
        text(checked ? c.checked(row.itemCode, title, row.unitName, by) : c.submitted(row.itemCode, title, row.unitName, by), { weight: 'bold' }),
        text(m.reminders.evidenceLinks(v.evidenceCount), { size: 'xs', color: COLORS.muted }),
        ...untickedLines(m.reminders, v.unticked ?? []),
        dueLine(ctx, row),
      ],
      footer: buttons,
    },
    'kilo',
  );
  return [flexMessage(checked ? c.checkedAlt(row.itemCode, by) : c.submittedAlt(row.itemCode, by), card)];
}
