import type { messagingApi } from '@line/bot-sdk';
import type { EvidenceLink, Person } from '../../../assignments/assignments.repository.ts';
import type { CatalogItem } from '../../../catalog/catalog.repository.ts';
import { bubble, button, clip, COLORS, linkTo, separator, text, uri, type FlexContext } from './common.ts';
import { actionButtons, dueLine, statusText, type CardItem } from './item-card.ts';

const MAX_COMPONENTS = 8;
const MAX_EVIDENCE = 5;

export type DetailView = {
  card: CardItem;
  item: CatalogItem | undefined;
  people: Person[];
  evidence: EvidenceLink[];
  /** Latest link check per evidence id; a link that does not work gets a warning line. */
  health?: ReadonlyMap<number, { state: string; httpStatus: number | null }>;
};

const WORKING = new Set(['ok', 'moved']);

/** Item detail: components, status, evidence and people, with the buttons this viewer may press. */
export function itemDetailBubble(ctx: FlexContext, v: DetailView): messagingApi.FlexBubble {
  const d = ctx.m.line.detail;
  const r = v.card.row;
  const components = v.item?.components ?? [];
  const body: messagingApi.FlexComponent[] = [
    { type: 'box', layout: 'horizontal', contents: [text(ctx.m.line.detail.unit(r.unitName, r.responsibility === 'main'), { size: 'xs', color: COLORS.muted, flex: 1 }), statusText(ctx, r.status)] },
    dueLine(ctx, r),
    ...(r.statusNote ? [text(d.note(clip(r.statusNote, 300)), { size: 'xs', color: COLORS.returned })] : []),
    separator(),
    text(d.components, { weight: 'bold', margin: 'md' }),
    ...components.slice(0, MAX_COMPONENTS).map((c) => text(`• ${clip(c, 220)}`, { size: 'xs' })),
    ...(components.length > MAX_COMPONENTS ? [text(d.moreComponents(components.length - MAX_COMPONENTS), { size: 'xs', color: COLORS.muted })] : []),
    separator(),
    text(d.evidence, { weight: 'bold', margin: 'md' }),
    ...(v.evidence.length
      ? v.evidence.slice(0, MAX_EVIDENCE).flatMap((e, i) => {
        // Numbered as `ลบลิงก์ O3 <n>` counts them.
        const link = text(clip(`${i + 1}. ${e.label ? `${e.label}: ` : ''}${e.url}`, 200), { size: 'xs', color: '#1565C0', decoration: 'underline', action: linkTo(e.url, ctx.liffUrl(r.id)) });
        const h = v.health?.get(e.id);
        if (!h || WORKING.has(h.state)) return [link];
        return [link, text(ctx.m.reports.links.detailWarning(ctx.m.reports.links.stateLabel(h.state, h.httpStatus)), { size: 'xs', color: COLORS.returned })];
      })
      : [text(d.noEvidence, { size: 'xs', color: COLORS.muted })]),
    separator(),
    text(d.people, { weight: 'bold', margin: 'md' }),
    ...(v.people.length
      ? v.people.map((p) => text(`${ctx.m.role[p.role] ?? p.role}: ${p.name}${p.position ? ` (${p.position})` : ''}`, { size: 'xs' }))
      : [text(ctx.m.line.list.nobody, { size: 'xs', color: COLORS.muted })]),
  ];
  return bubble({
    header: [
      text(`${r.itemCode} · ${v.item?.subIndicator ?? r.subIndicator}`, { size: 'xs', color: COLORS.muted }),
      text(clip(r.itemTitle, 200), { weight: 'bold', size: 'md' }),
    ],
    body,
    footer: [...actionButtons(ctx, v.card, false).slice(0, 3), button(uri(ctx.m.line.buttons.open, ctx.liffUrl(r.id)), 'link')],
  });
}

export function detailAltText(ctx: FlexContext, v: DetailView): string {
  return ctx.m.line.detail.alt(v.card.row.itemCode, v.card.row.itemTitle, ctx.m.status[v.card.row.status] ?? v.card.row.status);
}
