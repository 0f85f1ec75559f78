import type { messagingApi } from '@line/bot-sdk';
import type { AssignmentRow } from '../../../assignments/assignments.repository.ts';
import { bubble, button, clip, COLORS, postback, separator, text, type FlexContext } from './common.ts';
import { dueLine, overdueDays } from './item-card.ts';
import type { Postback } from '../postback.ts';

/** The order groups are listed in: what needs someone's action first. */
export const STATUS_ORDER = ['returned', 'not_started', 'in_progress', 'submitted', 'checked'] as const;

export type ListRow = AssignmentRow & { preparers: string[] };

/** Grouped by status, and inside each group overdue first, then by due date and item number. */
export function sortForList<T extends Pick<AssignmentRow, 'status' | 'dueOn' | 'itemNumber' | 'unitName'>>(rows: T[], today: string): T[] {
  const rank = (s: string) => { const i = (STATUS_ORDER as readonly string[]).indexOf(s); return i < 0 ? 99 : i; };
  return [...rows].sort((a, b) =>
    rank(a.status) - rank(b.status)
    || Number(overdueDays(b, today) !== null) - Number(overdueDays(a, today) !== null)
    || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999')
    || a.itemNumber - b.itemNumber
    || a.unitName.localeCompare(b.unitName));
}

/** A "more" button continuing a list from `next`; lists are never silently cut. */
export function moreButton(ctx: FlexContext, p: Extract<Postback, { a: 'more' }>, left: number): messagingApi.FlexButton {
  return button(postback(`${ctx.m.line.list.more} (${left})`, p, ctx.m.line.list.more), 'primary');
}

/** One page of the group's pending list as a single bubble of rows with status headings. */
export function pendingPageBubble(ctx: FlexContext, page: ListRow[], range: { from: number; to: number; total: number }, more?: Extract<Postback, { a: 'more' }>): messagingApi.FlexBubble {
  const body: messagingApi.FlexComponent[] = [];
  let current = '';
  for (const r of page) {
    if (r.status !== current) {
      current = r.status;
      if (body.length) body.push(separator());
      body.push(text(ctx.m.status[r.status] ?? r.status, { weight: 'bold', color: COLORS[r.status] ?? COLORS.muted, margin: 'md' }));
    }
    body.push({
      type: 'box',
      layout: 'vertical',
      margin: 'sm',
      contents: [
        text(`${r.itemCode} ${clip(r.itemTitle, 70)}`, { size: 'xs', weight: 'bold' }),
        text(`${clip(r.unitName, 40)} · ${clip(r.preparers.length ? r.preparers.join(', ') : ctx.m.line.list.nobody, 60)}`, { size: 'xxs', color: COLORS.muted }),
        { ...dueLine(ctx, r), size: 'xxs' },
      ],
    });
  }
  return bubble({
    header: [text(ctx.m.line.list.pendingTitle, { weight: 'bold', size: 'md' }), text(ctx.m.line.list.range(range.from, range.to, range.total), { size: 'xs', color: COLORS.muted })],
    body,
    footer: more ? [moreButton(ctx, more, range.total - range.to)] : undefined,
  }, 'giga');
}

/** The last bubble of a carousel when more cards follow. */
export function moreBubble(ctx: FlexContext, p: Extract<Postback, { a: 'more' }>, left: number): messagingApi.FlexBubble {
  return bubble({ body: [text(ctx.m.line.list.moreAlt(left), { weight: 'bold', align: 'center', gravity: 'center' })], footer: [moreButton(ctx, p, left)] }, 'kilo');
}
