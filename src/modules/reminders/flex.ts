import type { messagingApi } from '@line/bot-sdk';
import type { Messages } from '../../messages/index.ts';
import { formatThaiDate } from '../../shared/thai-date.ts';
import type { LineMessage } from '../line/line.gateway.ts';
import { liffUrl, type LinkConfig } from '../line/liff-url.ts';

export { liffUrl, type LinkConfig };

/**
 * Small Flex bubbles for reminders, escalations and summaries. One bubble per push lists many
 * items compactly: a push is metered per request, not per item
 * (https://developers.line.biz/en/docs/messaging-api/pricing/). A bubble's JSON must stay under
 * LINE's size limit (https://developers.line.biz/en/reference/messaging-api/#bubble), so at most
 * MAX_ITEMS rows are listed and the rest is announced as "และอีก N รายการ" with a link.
 */
export const MAX_ITEMS = 8;
const TITLE_CHARS = 60;

type Component = messagingApi.FlexComponent;
type Texts = Messages['reminders'];
type StatusTexts = Messages['status'];

/** One item as the planner hands it over (the SQL row shape). */
export type PlannedItem = {
  id: number;
  code: string;
  title: string;
  dueOn: string;
  status: string;
  reason: 'before' | 'overdue' | 'escalation' | 'unreachable';
  days: number;
  preparers?: string | null;
  /** A returned item's reason (the reviewer's comment), repeated in every reminder until it is resubmitted. */
  note?: string | null;
};

/**
 * Postback of the "เลื่อน 1 วัน" button, in the chat module's payload format (src/modules/line/
 * postback.ts, `a=snooze&id=…&d=1`); it writes `snoozes` with until = today + 1, and the planner
 * skips the item for that officer on every day up to and including `until`.
 */
export function snoozePostbackData(assignmentId: number): string {
  return `a=snooze&id=${assignmentId}&d=1`;
}

const text = (t: string, extra: Partial<messagingApi.FlexText> = {}): Component =>
  ({ type: 'text', text: t, size: 'sm', wrap: true, ...extra }) as Component;
const uriButton = (label: string, uri: string): Component =>
  ({ type: 'button', style: 'link', height: 'sm', action: { type: 'uri', label, uri } }) as Component;
const short = (s: string) => (s.length > TITLE_CHARS ? `${s.slice(0, TITLE_CHARS - 1)}…` : s);

function when(t: Texts, item: PlannedItem): string {
  switch (item.reason) {
    case 'before': return t.daysLeft(item.days);
    case 'overdue': return t.overdue(item.days);
    case 'escalation': return t.escalated(item.days);
    case 'unreachable': return item.days > 0 ? t.overdue(item.days) : t.daysLeft(-item.days);
  }
}

function itemRow(t: Texts, status: StatusTexts, config: LinkConfig, item: PlannedItem, withSnooze: boolean): Component {
  const late = item.reason !== 'before' && !(item.reason === 'unreachable' && item.days <= 0);
  const lines: Component[] = [
    text(`${item.code} ${short(item.title)}`, { weight: 'bold', maxLines: 2 }),
    text(`${t.due(formatThaiDate(item.dueOn))} · ${when(t, item)} · ${status[item.status] ?? item.status}`, {
      size: 'xs',
      color: late ? '#C62828' : '#555555',
    }),
  ];
  if (item.note) lines.push(text(t.returnedReason(item.note.length > 200 ? `${item.note.slice(0, 199)}…` : item.note), { size: 'xs', color: '#C62828' }));
  if (item.preparers) {
    const who = item.reason === 'unreachable' ? t.unreachable(item.preparers) : t.preparers(item.preparers);
    lines.push(text(who, { size: 'xs', color: '#555555' }));
  }
  const buttons: Component[] = [uriButton(t.open, liffUrl(config, item.id))];
  if (withSnooze) {
    buttons.push({ type: 'button', style: 'link', height: 'sm', action: { type: 'postback', label: t.snooze, data: snoozePostbackData(item.id), displayText: t.snooze } } as Component);
  }
  lines.push({ type: 'box', layout: 'horizontal', contents: buttons } as Component);
  return { type: 'box', layout: 'vertical', spacing: 'xs', contents: lines } as Component;
}

function bubble(title: string, body: Component[], footer: Component[]): messagingApi.FlexBubble {
  return {
    type: 'bubble',
    header: { type: 'box', layout: 'vertical', contents: [text(title, { weight: 'bold', size: 'md' })] },
    body: { type: 'box', layout: 'vertical', spacing: 'md', contents: body },
    ...(footer.length ? { footer: { type: 'box', layout: 'vertical', contents: footer } } : {}),
  } as messagingApi.FlexBubble;
}

function moreFooter(t: Texts, config: LinkConfig, more: number): Component[] {
  return more > 0 ? [text(t.more(more), { size: 'xs', align: 'center' }), uriButton(t.viewAll, liffUrl(config))] : [];
}

function withSeparators(rows: Component[]): Component[] {
  return rows.flatMap((r, i) => (i === 0 ? [r] : [{ type: 'separator' } as Component, r]));
}

/** An officer's bundled reminder: their due items (the first MAX_ITEMS), each with open + snooze. */
export function reminderMessages(m: Messages, config: LinkConfig, items: PlannedItem[], total: number): LineMessage[] {
  const t = m.reminders;
  const rows = items.slice(0, MAX_ITEMS).map((i) => itemRow(t, m.status, config, i, true));
  const contents = bubble(t.reminderTitle(total), withSeparators(rows), moreFooter(t, config, total - rows.length));
  return [{ type: 'flex', altText: t.reminderAlt(total), contents }];
}

/** A supervisor's follow-up: items overdue past the escalation day, and items of unreachable preparers. */
export function escalationMessages(m: Messages, config: LinkConfig, items: PlannedItem[], total: number): LineMessage[] {
  const t = m.reminders;
  const rows = items.slice(0, MAX_ITEMS).map((i) => itemRow(t, m.status, config, i, false));
  const contents = bubble(t.escalationTitle(total), withSeparators(rows), moreFooter(t, config, total - rows.length));
  return [{ type: 'flex', altText: t.escalationAlt(total), contents }];
}

export type SummaryView = {
  date: string;
  scope: 'org' | 'mine';
  counts: Record<string, number>;
  total: number;
  approved: number;
  /** null on the first summary (nothing to compare with). */
  changes: Array<{ code: string; from: string | null; to: string }> | null;
  overdue: Array<{ code: string; dueOn: string; status: string }>;
  overdueTotal: number;
  /** Organization-wide summaries only (reports module): evidence links that do not work, and the progress chart picture. */
  brokenLinks?: number;
  chartUrl?: string | null;
};

const MAX_LINES = 6;

export function summaryMessages(m: Messages, config: LinkConfig, v: SummaryView): LineMessage[] {
  const t = m.reminders;
  const pct = v.total ? Math.round((v.approved / v.total) * 100) : 0;
  const date = formatThaiDate(v.date);
  const counts = Object.entries(v.counts)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => ({ type: 'box', layout: 'horizontal', contents: [text(m.status[s] ?? s, { flex: 4 }), text(String(n), { flex: 1, align: 'end' })] }) as Component);
  const body: Component[] = [text(v.scope === 'org' ? t.scopeOrg : t.scopeMine, { size: 'xs', color: '#555555' }), ...counts];
  body.push(text(t.approvedPct(pct, v.approved, v.total), { weight: 'bold' }), { type: 'separator' } as Component);
  body.push(text(t.changesHeading, { weight: 'bold' }));
  if (v.changes === null) body.push(text(t.firstSummary, { size: 'xs' }));
  else if (v.changes.length === 0) body.push(text(t.noChanges, { size: 'xs' }));
  else {
    const lines = v.changes.slice(0, MAX_LINES).map((c) => (c.from ? t.change(c.code, m.status[c.from] ?? c.from, m.status[c.to] ?? c.to) : t.added(c.code, m.status[c.to] ?? c.to)));
    if (v.changes.length > MAX_LINES) lines.push(t.more(v.changes.length - MAX_LINES));
    body.push(text(lines.join('\n'), { size: 'xs' }));
  }
  if (v.overdueTotal > 0) {
    body.push({ type: 'separator' } as Component, text(t.overdueHeading(v.overdueTotal), { weight: 'bold', color: '#C62828' }));
    const lines = v.overdue.slice(0, MAX_LINES).map((o) => t.overdueLine(o.code, formatThaiDate(o.dueOn), m.status[o.status] ?? o.status));
    if (v.overdueTotal > lines.length) lines.push(t.more(v.overdueTotal - lines.length));
    body.push(text(lines.join('\n'), { size: 'xs' }));
  }
  if (v.brokenLinks) body.push({ type: 'separator' } as Component, text(m.reports.links.summaryBroken(v.brokenLinks), { weight: 'bold', color: '#C62828' }));
  const contents = bubble(t.summaryTitle(date), body, [uriButton(t.viewAll, liffUrl(config))]);
  const chart: LineMessage[] = v.chartUrl ? [{ type: 'image', originalContentUrl: v.chartUrl, previewImageUrl: v.chartUrl } as LineMessage] : [];
  return [{ type: 'flex', altText: t.summaryAlt(date, pct), contents }, ...chart];
}

export function adminAlertMessages(m: Messages, recipient: string, error: string): LineMessage[] {
  return [{ type: 'text', text: m.reminders.adminAlert(recipient, error) }];
}

/** Every text of the messages, one per line: what --dry-run prints. */
export function plainText(messages: LineMessage[]): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if ((o.type === 'text' || o.type === 'span') && typeof o.text === 'string') out.push(o.text);
    for (const [k, v] of Object.entries(o)) if (k !== 'action' && typeof v === 'object') walk(v);
  };
  for (const msg of messages) {
    if (msg.type === 'flex') walk((msg as messagingApi.FlexMessage).contents);
    else walk(msg);
  }
  return out.join('\n');
}
