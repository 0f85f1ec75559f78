import type { messagingApi } from '@line/bot-sdk';
import { isFinal, type Status } from '../../../assignments/workflow.ts';
import { bubble, clip, COLORS, progressBar, separator, text, type FlexContext } from './common.ts';

export type Tally = { done: number; total: number; byStatus: Record<string, number> };
export type SubIndicatorTally = Tally & { code: string; title: string };

/** Final items (workflow.ts FINAL_STATUSES: certified, or not applicable with its reason) count as complete. */
export const percent = (t: Pick<Tally, 'done' | 'total'>) => (t.total === 0 ? 0 : Math.round((t.done / t.total) * 100));

function tallyRows(ctx: FlexContext, label: string, t: Tally, bold = false): messagingApi.FlexComponent[] {
  return [
    {
      type: 'box',
      layout: 'horizontal',
      margin: 'md',
      contents: [
        text(label, { size: bold ? 'sm' : 'xs', weight: bold ? 'bold' : 'regular', flex: 5 }),
        text(`${percent(t)}%`, { size: 'xs', align: 'end', flex: 1, weight: 'bold' }),
      ],
    },
    progressBar(percent(t), percent(t) === 100 ? COLORS.approved : COLORS.brand),
    text(
      [ctx.m.line.summary.counts(t.done, t.total), ...Object.entries(t.byStatus).filter(([s, n]) => n > 0 && !isFinal(s as Status)).map(([s, n]) => ctx.m.line.summary.line(ctx.m.status[s] ?? s, n))].join(' · '),
      { size: 'xxs', color: COLORS.muted },
    ),
  ];
}

/** Group summary: overall progress, then one bar per sub-indicator (9.1 … 10.2). */
export function summaryBubble(ctx: FlexContext, title: string, overall: Tally, rows: SubIndicatorTally[]): messagingApi.FlexBubble {
  return bubble({
    header: [text(title, { weight: 'bold', size: 'md' })],
    body: [
      ...tallyRows(ctx, ctx.m.line.summary.overall, overall, true),
      ...(rows.length ? [separator()] : []),
      ...rows.flatMap((r) => tallyRows(ctx, `${r.code} ${clip(r.title, 40)}`, r)),
    ],
  }, 'giga');
}

export function tally(rows: ReadonlyArray<{ status: string }>): Tally {
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const done = rows.filter((r) => isFinal(r.status as Status)).length;
  return { done, total: rows.length, byStatus };
}
