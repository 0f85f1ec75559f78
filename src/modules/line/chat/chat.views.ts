import type { Clock } from '../../../shared/clock.ts';
import { bangkokDate } from '../../../shared/thai-date.ts';
import type { Messages } from '../../../messages/index.ts';
import type { AssignmentRow } from '../../assignments/assignments.repository.ts';
import { IN_REVIEW_STATUSES, OPEN_STATUSES } from '../../assignments/workflow.ts';
import type { AssignmentsService } from '../../assignments/assignments.usecases.ts';
import type { Actor } from '../../auth/actor.ts';
import type { CatalogService } from '../../catalog/catalog.usecases.ts';
import type { CyclesService } from '../../cycles/cycles.usecases.ts';
import { flexMessage, MAX_BUBBLES, textMessage, type FlexContext } from './flex/common.ts';
import { itemCard, overdueDays, type CardItem } from './flex/item-card.ts';
import { detailAltText, itemDetailBubble } from './flex/item-detail.ts';
import { moreBubble, pendingPageBubble, sortForList } from './flex/lists.ts';
import { summaryBubble, tally } from './flex/summary.ts';
import type { LineMessage } from '../line.gateway.ts';

/** Cards per carousel page: the 12th bubble is kept for "more". */
export const CARDS_PER_PAGE = MAX_BUBBLES - 1;
export const PENDING_ROWS_PER_PAGE = 15;
const ALL = 100_000;

type Deps = {
  assignments: Pick<AssignmentsService, 'detail' | 'details' | 'cards' | 'people' | 'pending' | 'list'>;
  cycles: Pick<CyclesService, 'latest'>;
  catalog: Pick<CatalogService, 'subIndicators'>;
  clock: Clock;
  m: Messages;
  liffUrl: (id: number) => string;
  linkHealth?: LinkHealthOf;
};

/** What an item detail shows of one assignment (AssignmentsService detail or details). */
type Shown = Pick<Awaited<ReturnType<AssignmentsService['detail']>>, 'assignment' | 'item' | 'people' | 'evidence' | 'actions'>;

/** The latest check of each evidence link (src/modules/links), by evidence id. */
export type LinkHealthOf = (orgId: number, evidenceIds: number[]) => Promise<ReadonlyMap<number, { state: string; httpStatus: number | null }>>;

/**
 * What the bot shows: lists, item detail and summaries, each as LINE messages. Every read goes
 * through the assignments use cases with the viewer's actor. `viewerActs` is false for a group
 * member who is not linked: they may read, but get no action buttons.
 */
export function createChatViews(d: Deps) {
  const ctx = (): FlexContext => ({ m: d.m, liffUrl: d.liffUrl, today: bangkokDate(d.clock.now()) });
  const L = d.m.line;

  async function detailView(actor: Actor, det: Shown, viewerActs: boolean) {
    const onIt = actor.kind === 'officer' && det.people.some((p) => p.officerId === actor.officerId);
    const card: CardItem = {
      row: det.assignment,
      preparers: det.people.filter((p) => p.role === 'preparer').map((p) => p.name),
      actions: viewerActs ? det.actions : [],
      evidenceCount: det.evidence.length,
      canSnooze: viewerActs && onIt,
    };
    const health = d.linkHealth && det.evidence.length ? await d.linkHealth(actor.orgId, det.evidence.map((e) => e.id)) : undefined;
    return { card, item: det.item, people: det.people, evidence: det.evidence, health };
  }

  type Loaded = Awaited<ReturnType<AssignmentsService['cards']>>[number];
  const toCard = (actor: Actor, c: Loaded, viewerActs: boolean): CardItem => ({
    row: c.row,
    preparers: c.people.filter((p) => p.role === 'preparer').map((p) => p.name),
    actions: viewerActs ? c.actions : [],
    evidenceCount: c.evidenceCount,
    canSnooze: viewerActs && actor.kind === 'officer' && c.people.some((p) => p.officerId === actor.officerId),
  });

  /** A page of cards: what each shows, loaded for the whole page at once. */
  async function cards(actor: Actor, rows: AssignmentRow[], viewerActs: boolean): Promise<CardItem[]> {
    return (await d.assignments.cards(actor, rows)).map((c) => toCard(actor, c, viewerActs));
  }

  async function withPreparers(actor: Actor, rows: AssignmentRow[]) {
    const people = await d.assignments.people(actor, rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, preparers: people.filter((p) => p.assignmentId === r.id && p.role === 'preparer').map((p) => p.name) }));
  }

  /** A carousel page of cards plus a "more" bubble when the list continues. */
  async function carousel(actor: Actor, all: AssignmentRow[], offset: number, viewerActs: boolean, alt: string, more: (o: number) => Parameters<typeof moreBubble>[1]) {
    const page = all.slice(offset, offset + CARDS_PER_PAGE);
    const bubbles = (await cards(actor, page, viewerActs)).map((c) => itemCard(ctx(), c));
    const next = offset + page.length;
    if (next < all.length) bubbles.push(moreBubble(ctx(), more(next), all.length - next));
    return flexMessage(alt, bubbles);
  }

  return {
    /**
     * งานของฉัน: the officer's own work. What they prepare and still hold (overdue first, then by
     * due date), then what waits for their own review step (the check, or the certification).
     */
    async myItems(actor: Extract<Actor, { kind: 'officer' }>, offset = 0): Promise<LineMessage[]> {
      const cycle = await d.cycles.latest(actor.orgId);
      if (!cycle) return [textMessage(L.list.noCycle)];
      const today = bangkokDate(d.clock.now());
      // One read of everything not final the officer is on, one of what the cards show (issue 12.6).
      const open = await d.assignments.list(actor, { cycleId: cycle.id, officerId: actor.officerId, statuses: OPEN_STATUSES, limit: ALL });
      const loaded = new Map((await d.assignments.cards(actor, open)).map((c) => [c.row.id, c]));
      const prepares = (c: Loaded) => c.people.some((p) => p.officerId === actor.officerId && p.role === 'preparer');
      const prepared = open.filter((r) => prepares(loaded.get(r.id)!)).sort((a, b) =>
        Number(overdueDays(b, today) !== null) - Number(overdueDays(a, today) !== null) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.itemNumber - b.itemNumber);
      // What waits for their own review step: the check when submitted, the certification once checked.
      const toReview = sortForList(open.filter((r) => {
        const c = loaded.get(r.id)!;
        return !prepares(c) && IN_REVIEW_STATUSES.includes(r.status) && c.actions.some((a) => a === 'check' || a === 'approve');
      }), today);
      const rows = [...prepared, ...toReview];
      if (rows.length === 0) return [textMessage(L.list.myEmpty)];
      const overdue = rows.filter((r) => overdueDays(r, today) !== null).length;
      const page = rows.slice(offset, offset + CARDS_PER_PAGE);
      const bubbles = page.map((r) => itemCard(ctx(), toCard(actor, loaded.get(r.id)!, true)));
      const next = offset + page.length;
      if (next < rows.length) bubbles.push(moreBubble(ctx(), { a: 'more', l: 'my', o: next }, rows.length - next));
      return [flexMessage(L.list.myAlt(rows.length, overdue, toReview.length), bubbles)];
    },

    /** ค้าง: everything not yet approved, grouped by status, overdue first, one page per bubble. */
    async pending(actor: Actor, offset = 0): Promise<LineMessage[]> {
      const cycle = await d.cycles.latest(actor.orgId);
      if (!cycle) return [textMessage(L.list.noCycle)];
      const today = bangkokDate(d.clock.now());
      const all = sortForList(await d.assignments.pending(actor, { cycleId: cycle.id, limit: ALL }), today);
      if (all.length === 0) return [textMessage(L.list.pendingEmpty)];
      const page = await withPreparers(actor, all.slice(offset, offset + PENDING_ROWS_PER_PAGE));
      const to = offset + page.length;
      const overdue = all.filter((r) => overdueDays(r, today) !== null).length;
      const bubble = pendingPageBubble(ctx(), page, { from: offset + 1, to, total: all.length }, to < all.length ? { a: 'more', l: 'pending', o: to } : undefined);
      return [flexMessage(`${L.list.pendingAlt(all.length, overdue)} (${L.list.range(offset + 1, to, all.length)})`, bubble)];
    },

    /** สรุป in a group: counts and percent complete per sub-indicator. */
    async orgSummary(actor: Actor): Promise<LineMessage[]> {
      const cycle = await d.cycles.latest(actor.orgId);
      if (!cycle) return [textMessage(L.list.noCycle)];
      const rows = await d.assignments.list(actor, { cycleId: cycle.id, limit: ALL });
      const subs = await d.catalog.subIndicators(cycle.catalogYear);
      const overall = tally(rows);
      const per = subs
        .map((s) => ({ code: s.code, title: s.title, ...tally(rows.filter((r) => r.subIndicator === s.code)) }))
        .filter((t) => t.total > 0);
      const pct = overall.total ? Math.round((overall.done / overall.total) * 100) : 0;
      return [flexMessage(L.summary.alt(pct, overall.done, overall.total), summaryBubble(ctx(), `${L.summary.title} ${cycle.year}`, overall, per))];
    },

    /** สรุป in 1:1: what this officer supervises or certifies, then the items awaiting their approval. */
    async supervisedSummary(actor: Extract<Actor, { kind: 'officer' }>, offset = 0): Promise<LineMessage[]> {
      const cycle = await d.cycles.latest(actor.orgId);
      if (!cycle) return [textMessage(L.list.noCycle)];
      const rows = await d.assignments.list(actor, { cycleId: cycle.id, officerId: actor.officerId, roles: ['supervisor', 'certifier'], limit: ALL });
      if (rows.length === 0) return [textMessage(L.summary.noneSupervised)];
      // What waits for this officer's own step: the check when submitted, the certification once checked.
      const inReview = rows.filter((r) => IN_REVIEW_STATUSES.includes(r.status));
      const theirs = (await d.assignments.cards(actor, inReview)).filter((c) => c.actions.some((a) => a === 'check' || a === 'approve')).map((c) => c.row);
      const awaiting = sortForList(theirs, bangkokDate(d.clock.now()));
      const out: LineMessage[] = [];
      if (offset === 0) {
        const overall = tally(rows);
        const pct = Math.round((overall.done / overall.total) * 100);
        out.push(flexMessage(`${L.summary.alt(pct, overall.done, overall.total)} · ${L.summary.awaiting(awaiting.length)}`, summaryBubble(ctx(), L.summary.supervisedTitle, overall, [])));
      }
      if (awaiting.length > offset) {
        out.push(await carousel(actor, awaiting, offset, true, L.summary.awaiting(awaiting.length), (o) => ({ a: 'more', l: 'sup', o })));
      }
      return out;
    },

    /** O12 / ข้อ 12: the item's assignments in the latest cycle, the viewer's own first. */
    async itemDetail(actor: Actor, itemNumber: number, viewerActs: boolean, offset = 0): Promise<LineMessage[]> {
      const cycle = await d.cycles.latest(actor.orgId);
      if (!cycle) return [textMessage(L.list.noCycle)];
      // A copy: the list may be shared by the batch's events (batch-reads.ts) and is sorted here.
      const rows = [...(await d.assignments.list(actor, { cycleId: cycle.id, itemNumber, limit: ALL }))];
      if (rows.length === 0) return [textMessage(L.detail.notFound(`O${itemNumber}`))];
      // The people of every row (to put the viewer's own first), then the page's details, in a few statements (issue 12.6).
      const people = await d.assignments.people(actor, rows.map((r) => r.id));
      if (actor.kind === 'officer') {
        const mine = new Set(people.filter((p) => p.officerId === actor.officerId).map((p) => p.assignmentId));
        rows.sort((a, b) => Number(mine.has(b.id)) - Number(mine.has(a.id)));
      }
      const page = rows.slice(offset, offset + CARDS_PER_PAGE);
      const views = await Promise.all((await d.assignments.details(actor, page, people)).map((det) => detailView(actor, det, viewerActs)));
      const bubbles = views.map((v) => itemDetailBubble(ctx(), v));
      const next = offset + page.length;
      if (next < rows.length) bubbles.push(moreBubble(ctx(), { a: 'more', l: 'item', o: next, n: itemNumber }, rows.length - next));
      return [flexMessage(detailAltText(ctx(), views[0]!), bubbles)];
    },

    /** One assignment's detail (a "details" button). */
    async singleDetail(actor: Actor, id: number, viewerActs = true): Promise<LineMessage[]> {
      const v = await detailView(actor, await d.assignments.detail(actor, id), viewerActs);
      return [flexMessage(detailAltText(ctx(), v), itemDetailBubble(ctx(), v))];
    },
  };
}

export type ChatViews = ReturnType<typeof createChatViews>;
