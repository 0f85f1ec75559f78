import type { Messages } from '../../messages/index.ts';
import { formatThaiDate } from '../../shared/thai-date.ts';
import type { AssignmentChange } from '../assignments/assignment-events.ts';
import { PRIORITY } from '../delivery/budget.ts';
import type { AssignmentRow } from '../assignments/assignments.repository.ts';
import { bubble, button, clip, COLORS, flexMessage, postback, text, uri } from '../line/chat/flex/common.ts';
import { statusText } from '../line/chat/flex/item-card.ts';
import type { LineMessage } from '../line/line.gateway.ts';
import { liffUrl, type LinkConfig } from '../line/liff-url.ts';

/** A notice to one person about one item: its text, and buttons to the item (LIFF page, detail in the chat). */
function notice(m: Messages, config: LinkConfig, row: AssignmentRow, alt: string, body: string, hint?: string): LineMessage[] {
  const n = m.workflow.notice;
  const ctx = { m, liffUrl: (id: number) => liffUrl(config, id), today: '' };
  const card = bubble(
    {
      header: [{ type: 'box', layout: 'horizontal', contents: [text(row.itemCode, { weight: 'bold', size: 'lg', flex: 1 }), statusText(ctx, row.status)] }],
      body: [text(body, { weight: 'bold' }), ...(hint ? [text(hint, { size: 'xs', color: COLORS.muted })] : [])],
      footer: [
        button(uri(n.open, ctx.liffUrl(row.id)), 'primary'),
        button(postback(n.detail, { a: 'detail', id: row.id }, row.itemCode), 'link'),
      ],
    },
    'kilo',
  );
  return [flexMessage(alt, card)];
}

const due = (m: Messages, d: string | null) => (d ? formatThaiDate(d, 'long') : m.workflow.notice.noDue);

/**
 * What the people on the item are told about a change (not the one who made it): the preparers
 * on return (with the reason), check, certification and reopening, and on a due-date change;
 * a person put on or taken off the item. Keyed by officer id; review cards are review-cards.ts.
 */
export function noticesFor(m: Messages, config: LinkConfig, c: AssignmentChange): Map<number, LineMessage[]> {
  const n = m.workflow.notice;
  const row = c.assignment;
  const code = row.itemCode;
  const title = clip(row.itemTitle, 120);
  const by = c.actorName ?? m.workflow.someone;
  const out = new Map<number, LineMessage[]>();
  const preparers = c.people.filter((p) => p.role === 'preparer').map((p) => p.officerId);
  const toPreparers = (alt: string, body: string, hint?: string) => {
    for (const id of preparers) out.set(id, notice(m, config, row, alt, body, hint));
  };
  if (c.kind === 'transition') {
    const reason = row.statusNote ?? '';
    if (c.action === 'return') toPreparers(n.returnedAlt(code, clip(reason, 200)), n.returned(code, title, by, clip(reason, 1000)), n.returnedHint(code));
    else if (row.status === 'checked') toPreparers(n.checkedAlt(code), n.checked(code, title, by));
    else if (row.status === 'approved') toPreparers(n.approvedAlt(code), n.approved(code, title, by));
    else if (c.action === 'reopen') toPreparers(n.reopenedAlt(code), n.reopened(code, title, by));
  } else if (c.kind === 'due_date') {
    toPreparers(n.dueChangedAlt(code, due(m, c.to)), n.dueChanged(code, title, due(m, c.from), due(m, c.to), by));
  } else {
    for (const p of c.added) {
      const role = m.role[p.role] ?? p.role;
      out.set(p.officerId, notice(m, config, row, n.assignedAlt(role, code), n.assigned(role, code, title, row.unitName)));
    }
    for (const p of c.removed) {
      const role = m.role[p.role] ?? p.role;
      out.set(p.officerId, notice(m, config, row, n.unassignedAlt(role, code), n.unassigned(role, code, title, row.unitName)));
    }
  }
  return out;
}

/**
 * Where a change's notices stand when the month's LINE messages are short (delivery/budget.ts): a
 * return or a reopening asks the preparers for work, and goes with the review requests; the rest
 * is for information.
 */
export function noticePriority(c: AssignmentChange): number {
  return c.kind === 'transition' && (c.action === 'return' || c.action === 'reopen') ? PRIORITY.review : PRIORITY.notice;
}
