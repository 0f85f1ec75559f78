import type { messagingApi } from '@line/bot-sdk';
import { daysBetween, formatThaiDate } from '../../../../shared/thai-date.ts';
import type { AssignmentRow } from '../../../assignments/assignments.repository.ts';
import { IN_REVIEW_STATUSES, PREPARER_OPEN_STATUSES, type WorkflowAction } from '../../../assignments/workflow.ts';
import { bubble, button, clip, COLORS, postback, text, uri, type FlexContext } from './common.ts';

/** One assignment as a card needs it; `actions` are already filtered by the viewer's permissions. */
export type CardItem = {
  row: AssignmentRow;
  preparers: string[];
  actions: WorkflowAction[];
  evidenceCount: number;
  /** The viewer is on the assignment, so may snooze its reminders. */
  canSnooze: boolean;
};

/** Days past due of work the preparer still holds: a submitted item waits for its reviewers, so it is not the preparer's overdue. */
export function overdueDays(row: Pick<AssignmentRow, 'dueOn' | 'status'>, today: string): number | null {
  if (!row.dueOn || !PREPARER_OPEN_STATUSES.includes(row.status)) return null;
  const d = daysBetween(row.dueOn, today);
  return d > 0 ? d : null;
}

export function dueLine(ctx: FlexContext, row: Pick<AssignmentRow, 'dueOn' | 'status'>): messagingApi.FlexText {
  const late = overdueDays(row, ctx.today);
  if (!row.dueOn) return text(ctx.m.line.list.noDue, { color: COLORS.muted, size: 'xs' });
  const due = ctx.m.line.list.due(formatThaiDate(row.dueOn));
  return late
    ? text(`${due} · ${ctx.m.line.list.overdue(late)}`, { color: COLORS.overdue, size: 'xs', weight: 'bold' })
    : text(due, { color: COLORS.muted, size: 'xs' });
}

export function statusText(ctx: FlexContext, status: string): messagingApi.FlexText {
  return text(ctx.m.status[status] ?? status, { color: COLORS[status] ?? COLORS.muted, size: 'xs', weight: 'bold', flex: 0 });
}

/** The buttons a viewer may press on a card; "done" opens the LIFF page while evidence is missing. */
export function actionButtons(ctx: FlexContext, item: CardItem, withDetail: boolean): messagingApi.FlexButton[] {
  const b = ctx.m.line.buttons;
  const { id, version, itemCode } = item.row;
  const out: messagingApi.FlexButton[] = [];
  if (item.actions.includes('start')) out.push(button(postback(b.start, { a: 'start', id, v: version }, `${b.start} ${itemCode}`)));
  if (item.actions.includes('submit')) {
    out.push(item.evidenceCount > 0
      ? button(postback(b.done, { a: 'submit', id, v: version }, `${b.done} ${itemCode}`), 'primary')
      : button(uri(b.addEvidence, ctx.liffUrl(id)), 'primary'));
  }
  if (item.actions.includes('check')) out.push(button(postback(b.check, { a: 'check', id, v: version }, `${b.check} ${itemCode}`), 'primary'));
  if (item.actions.includes('approve')) out.push(button(postback(b.approve, { a: 'approve', id, v: version }, `${b.approve} ${itemCode}`), 'primary'));
  if (item.actions.includes('return') && IN_REVIEW_STATUSES.includes(item.row.status)) out.push(button(postback(b.return, { a: 'ret', id, v: version }, `${b.return} ${itemCode}`)));
  // Reminders only go out for work the preparer holds: nothing to snooze on a submitted or final item.
  if (item.canSnooze && PREPARER_OPEN_STATUSES.includes(item.row.status)) out.push(button(postback(b.snooze, { a: 'snooze', id, d: 1 }, `${b.snooze} ${itemCode}`), 'link'));
  if (withDetail) out.push(button(postback(b.detail, { a: 'detail', id }, `${itemCode}`), 'link'));
  return out.slice(0, 4);
}

/** A compact card for lists (my items, items to approve). */
export function itemCard(ctx: FlexContext, item: CardItem): messagingApi.FlexBubble {
  const r = item.row;
  return bubble(
    {
      header: [
        { type: 'box', layout: 'horizontal', contents: [text(r.itemCode, { weight: 'bold', size: 'lg', flex: 1 }), statusText(ctx, r.status)] },
      ],
      body: [
        text(clip(r.itemTitle, 160), { weight: 'bold' }),
        text(ctx.m.line.detail.unit(r.unitName, r.responsibility === 'main'), { size: 'xs', color: COLORS.muted }),
        text(ctx.m.line.list.preparers(item.preparers.length ? item.preparers.join(', ') : ctx.m.line.list.nobody), { size: 'xs', color: COLORS.muted }),
        dueLine(ctx, r),
        ...(r.statusNote ? [text(ctx.m.line.detail.note(clip(r.statusNote, 200)), { size: 'xs', color: COLORS.returned })] : []),
      ],
      footer: actionButtons(ctx, item, true),
    },
    'kilo',
  );
}
