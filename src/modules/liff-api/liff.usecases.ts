import { msg, type Lang } from '../../messages/index.ts';
import type { Clock } from '../../shared/clock.ts';
import { bangkokDate } from '../../shared/thai-date.ts';
import type { AssignmentRow } from '../assignments/assignments.repository.ts';
import type { AssignmentsService, TransitionOptions } from '../assignments/assignments.usecases.ts';
import { evidenceWarning, type EvidenceWarning } from '../assignments/evidence-url.ts';
import { contentEditable, PREPARER_OPEN_STATUSES, type WorkflowAction } from '../assignments/workflow.ts';
import { assertCan, can, isAdmin } from '../auth/permissions.ts';
import type { CatalogService } from '../catalog/catalog.usecases.ts';
import type { CyclesService } from '../cycles/cycles.usecases.ts';
import type { DeliveriesService } from '../delivery/deliveries.usecases.ts';
import type { OrgRepository } from '../org/org.repository.ts';
import type { LiffSession } from './liff.auth.ts';
import { inReview, itemDetail, listEntry, warning, type ItemDetail, type LinkHealth, type ListEntry, type Role } from './liff.present.ts';
import { deliveryState } from './liff.delivery.ts';
import { overview } from './liff.overview.ts';

export const LIST_FILTERS = ['pending', 'overdue', 'review', 'all', 'supervised'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

type Deps = {
  assignments: AssignmentsService;
  cycles: Pick<CyclesService, 'latest'>;
  catalog: Pick<CatalogService, 'subIndicators'>;
  orgRepo: Pick<OrgRepository, 'officersByIds' | 'unit'>;
  clock: Clock;
  /** The link checker's results (links module); every lookup is scoped to the organization. */
  linkHealth: (orgId: number, evidenceIds: number[]) => Promise<ReadonlyMap<number, LinkHealth>>;
  /** The month's LINE message budget, hold and this organization's messages (delivery module). */
  deliveries: Pick<DeliveriesService, 'overview'>;
};

/** Everything one officer is on in the latest cycle: plenty for a person, bounded for safety. */
const MY_ITEMS_LIMIT = 1000;

/**
 * The LIFF page's use cases: read models shaped for the page, and writes that go through the
 * assignments use cases (workflow.ts, permissions.ts), exactly like chat and the admin API.
 */
export function createLiffService(d: Deps) {
  const today = () => bangkokDate(d.clock.now());

  /** Every assignment the officer is on, with their roles, what they may do, and its progress. */
  async function mine(s: LiffSession) {
    const cycle = await d.cycles.latest(s.org.id);
    if (!cycle) return { cycle: undefined, entries: [] as Array<{ row: AssignmentRow; myRoles: Role[]; actions: WorkflowAction[] }> };
    const rows = await d.assignments.list(s.actor, { cycleId: cycle.id, officerId: s.officer.id, limit: MY_ITEMS_LIMIT });
    const ids = rows.map((r) => r.id);
    const people = await d.assignments.people(s.actor, ids);
    const byAssignment = new Map<number, typeof people>();
    for (const p of people) byAssignment.set(p.assignmentId, [...(byAssignment.get(p.assignmentId) ?? []), p]);
    // The same rules as the item's detail: review path, and nobody decides what they submitted (permissions.ts).
    const allowed = await d.assignments.allowedOn(s.actor, rows, people);
    const entries = rows.map((row) => {
      const on = byAssignment.get(row.id) ?? [];
      const myRoles = [...new Set(on.filter((p) => p.officerId === s.officer.id).map((p) => p.role))];
      const actions = allowed.get(row.id) ?? [];
      return { row, myRoles, actions };
    });
    return { cycle, entries };
  }

  type Mine = Awaited<ReturnType<typeof mine>>;
  type Entry = Mine['entries'][number];
  const preparing = (e: Entry) => e.myRoles.includes('preparer') && PREPARER_OPEN_STATUSES.includes(e.row.status);
  const awaitingMe = (e: Entry) => inReview(e.row.status) && e.actions.length > 0;
  const matches: Record<ListFilter, (e: Entry, day: string) => boolean> = {
    pending: (e) => preparing(e) || awaitingMe(e),
    overdue: (e, day) => preparing(e) && Boolean(e.row.dueOn && e.row.dueOn < day),
    review: (e) => inReview(e.row.status),
    all: () => true,
    supervised: (e) => e.myRoles.includes('supervisor') || e.myRoles.includes('certifier'),
  };

  /** Who I am, my roles and each list's count: GET /me, from mine()'s entries. */
  async function meOf(s: LiffSession, cycle: Mine['cycle'], entries: Entry[]) {
    const day = today();
    const counts = Object.fromEntries(LIST_FILTERS.map((f) => [f, entries.filter((e) => matches[f](e, day)).length])) as Record<ListFilter, number>;
    const roles = new Set(entries.flatMap((e) => e.myRoles));
    const unit = s.officer.unitId ? await d.orgRepo.unit(s.org.id, s.officer.unitId) : undefined;
    return {
      officer: { id: s.officer.id, name: s.officer.name, position: s.officer.position, unit: unit ? { id: unit.id, name: unit.name } : null },
      organization: { id: s.org.id, slug: s.org.slug, name: s.org.name },
      roles: { preparer: roles.has('preparer'), supervisor: roles.has('supervisor'), certifier: roles.has('certifier'), admin: can(s.actor, 'overview', { orgId: s.org.id }) },
      cycle: cycle ? { year: cycle.year, catalogYear: cycle.catalogYear } : null,
      counts,
      today: day,
    };
  }
  type Me = Awaited<ReturnType<typeof meOf>>;

  async function detail(s: LiffSession, id: number, lang: Lang): Promise<ItemDetail> {
    const m = msg(lang);
    const det = await d.assignments.detail(s.actor, id);
    const [history, subs] = await Promise.all([d.assignments.history(s.actor, id), d.catalog.subIndicators(det.item?.year ?? det.assignment.year)]);
    const officerIds = [...new Set([...history.map((h) => h.actor), ...det.evidence.map((e) => e.addedBy)].filter((r) => r.startsWith('officer:')).map((r) => Number(r.slice(8))))];
    const [officers, linkHealth] = await Promise.all([
      d.orgRepo.officersByIds(s.org.id, officerIds),
      det.evidence.length ? d.linkHealth(s.org.id, det.evidence.map((e) => e.id)) : new Map<number, LinkHealth>(),
    ]);
    const names = new Map(officers.map((o) => [`officer:${o.id}`, o.name]));
    const warnings = new Map<number, EvidenceWarning | null>(det.evidence.map((e) => [e.id, evidenceWarning(e.url, s.org.websiteDomains)]));
    const editable = isAdmin(s.actor) || contentEditable(det.assignment.status);
    const target = { orgId: s.org.id, people: det.people };
    return itemDetail(m, today(), {
      row: det.assignment,
      year: det.assignment.year,
      item: det.item,
      subIndicatorTitle: subs.find((x) => x.code === det.assignment.subIndicator)?.title ?? null,
      people: det.people,
      evidence: det.evidence,
      evidenceWarnings: warnings,
      linkHealth,
      ticked: det.ticked,
      history,
      names,
      actions: det.actions,
      can: { tick: editable && can(s.actor, 'tick_components', target), editEvidence: editable && can(s.actor, 'edit_evidence', target) },
    });
  }

  const answer = async (s: LiffSession, id: number, lang: Lang, warnings: EvidenceWarning[] = []) => ({
    item: await detail(s, id, lang),
    warnings: warnings.map((w) => warning(msg(lang), w)),
  });

  return {
    async me(s: LiffSession) {
      const { cycle, entries } = await mine(s);
      return meOf(s, cycle, entries);
    },

    /** The list; with `withMe`, also /me's answer, from the same read (the first screen's one round trip). */
    async items(s: LiffSession, filter: ListFilter, lang: Lang, withMe = false): Promise<{ filter: ListFilter; today: string; items: ListEntry[]; me?: Me }> {
      const { cycle, entries } = await mine(s);
      const day = today();
      const picked = entries.filter((e) => matches[filter](e, day));
      const [progress, me] = await Promise.all([d.assignments.progress(s.actor, picked.map((e) => e.row.id)), withMe ? meOf(s, cycle, entries) : undefined]);
      const m = msg(lang);
      const items = picked
        .map((e) => listEntry(m, day, { ...e, progress: progress.get(e.row.id) }))
        // Waiting for me first, then overdue (most first), then by due date and item number.
        .sort((a, b) => Number(b.awaitingMe) - Number(a.awaitingMe) || (b.overdueDays ?? 0) - (a.overdueDays ?? 0)
          || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.itemNumber - b.itemNumber || a.unit.name.localeCompare(b.unit.name));
      return me ? { filter, today: day, items, me } : { filter, today: day, items };
    },

    item: (s: LiffSession, id: number, lang: Lang) => detail(s, id, lang),

    async setTicks(s: LiffSession, id: number, ticked: number[], lang: Lang) {
      await d.assignments.setTicks(s.actor, id, ticked);
      return answer(s, id, lang);
    },

    async addEvidence(s: LiffSession, id: number, input: { url: string; label?: string | null }, lang: Lang) {
      const link = await d.assignments.addEvidence(s.actor, id, input);
      return answer(s, id, lang, link.warnings);
    },

    async relabelEvidence(s: LiffSession, id: number, evidenceId: number, label: string | null, lang: Lang) {
      await d.assignments.relabelEvidence(s.actor, id, evidenceId, label);
      return answer(s, id, lang);
    },

    async removeEvidence(s: LiffSession, id: number, evidenceId: number, lang: Lang) {
      await d.assignments.removeEvidence(s.actor, id, evidenceId);
      return answer(s, id, lang);
    },

    async transition(s: LiffSession, id: number, action: WorkflowAction, opts: TransitionOptions & { version: number }, lang: Lang) {
      await d.assignments.transition(s.actor, id, action, opts);
      return answer(s, id, lang);
    },

    async overview(s: LiffSession, lang: Lang) {
      assertCan(s.actor, 'overview', { orgId: s.org.id });
      const [cycle, messages] = await Promise.all([d.cycles.latest(s.org.id), d.deliveries.overview(s.actor)]);
      const delivery = deliveryState(messages);
      const m = msg(lang);
      if (!cycle) return overview(m, today(), { cycle: null, rows: [], subIndicators: [], overdue: [], delivery });
      const rows = await d.assignments.list(s.actor, { cycleId: cycle.id, limit: 100_000 });
      const day = today();
      const late = rows.filter((r) => listEntry(m, day, { row: r, myRoles: [], actions: [], progress: undefined }).overdueDays !== null);
      const progress = await d.assignments.progress(s.actor, late.map((r) => r.id));
      const overdue = late.map((r) => listEntry(m, day, { row: r, myRoles: [], actions: [], progress: progress.get(r.id) }))
        .sort((a, b) => (b.overdueDays ?? 0) - (a.overdueDays ?? 0) || a.itemNumber - b.itemNumber);
      return overview(m, day, { cycle, rows, subIndicators: await d.catalog.subIndicators(cycle.catalogYear), overdue, delivery });
    },
  };
}

export type LiffService = ReturnType<typeof createLiffService>;
