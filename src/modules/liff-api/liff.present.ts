import type { Messages } from '../../messages/index.ts';
import type { AssignmentRow, EvidenceLink, Person } from '../assignments/assignments.repository.ts';
import type { EvidenceWarning } from '../assignments/evidence-url.ts';
import { isFinal, OPEN_STATUSES, overdueDays, PREPARER_OPEN_STATUSES, type WorkflowAction } from '../assignments/workflow.ts';
import type { AuditRow } from '../audit/audit.repository.ts';
import type { CatalogItem } from '../catalog/catalog.repository.ts';
import { splitSubPoints } from '../catalog/components.ts';

/**
 * The LIFF API's JSON shapes (the contract in docs/liff-api.md). Pure functions of what the use
 * cases loaded: labels in the caller's language, dates as ISO strings for the page to format.
 */
export type Role = Person['role'];

export type ListEntry = {
  id: number;
  code: string;
  itemNumber: number;
  title: string;
  subIndicator: string;
  unit: { id: number; name: string };
  responsibility: 'main' | 'co';
  dueOn: string | null;
  overdueDays: number | null;
  status: string;
  statusLabel: string;
  done: boolean;
  awaitingMe: boolean;
  components: { ticked: number; total: number };
  evidenceCount: number;
  myRoles: Role[];
  actions: WorkflowAction[];
  version: number;
};

export type EntryInput = {
  row: AssignmentRow;
  myRoles: Role[];
  actions: WorkflowAction[];
  progress: { ticked: number; total: number; evidence: number } | undefined;
};

/** In review: handed in, not final, no longer the preparer's (submitted, and any checking state). */
export const inReview = (status: AssignmentRow['status']) => OPEN_STATUSES.includes(status) && !PREPARER_OPEN_STATUSES.includes(status);

export function listEntry(m: Messages, today: string, e: EntryInput): ListEntry {
  const r = e.row;
  return {
    id: r.id,
    code: r.itemCode,
    itemNumber: r.itemNumber,
    title: r.itemTitle,
    subIndicator: r.subIndicator,
    unit: { id: r.unitId, name: r.unitName },
    responsibility: r.responsibility,
    dueOn: r.dueOn,
    overdueDays: overdueDays(r, today),
    status: r.status,
    statusLabel: m.status[r.status] ?? r.status,
    done: isFinal(r.status),
    // Someone handed it in and this viewer has a decision to make on it.
    awaitingMe: inReview(r.status) && e.actions.length > 0,
    components: { ticked: e.progress?.ticked ?? 0, total: e.progress?.total ?? 0 },
    evidenceCount: e.progress?.evidence ?? 0,
    myRoles: e.myRoles,
    actions: e.actions,
    version: r.version,
  };
}

export type DetailInput = {
  row: AssignmentRow;
  year: number;
  item: CatalogItem | undefined;
  subIndicatorTitle: string | null;
  people: Person[];
  evidence: EvidenceLink[];
  evidenceWarnings: Map<number, EvidenceWarning | null>;
  /** The link checker's last result per evidence id (reports' links module); empty when never checked. */
  linkHealth: ReadonlyMap<number, LinkHealth>;
  ticked: number[];
  history: AuditRow[];
  names: Map<string, string>;
  actions: WorkflowAction[];
  can: { tick: boolean; editEvidence: boolean };
};

export function itemDetail(m: Messages, today: string, d: DetailInput) {
  const r = d.row;
  const ticked = new Set(d.ticked);
  const lastReturn = d.history.find((h) => h.action === 'assignment.return');
  const who = (ref: string) => d.names.get(ref) ?? actorLabel(m, ref);
  return {
    id: r.id,
    code: r.itemCode,
    itemNumber: r.itemNumber,
    year: d.year,
    title: r.itemTitle,
    indicator: d.item?.indicator ?? null,
    subIndicator: { code: r.subIndicator, title: d.subIndicatorTitle },
    group: d.item?.groupTitle ?? null,
    unit: { id: r.unitId, name: r.unitName },
    responsibility: r.responsibility,
    dueOn: r.dueOn,
    overdueDays: overdueDays(r, today),
    status: r.status,
    statusLabel: m.status[r.status] ?? r.status,
    statusNote: r.statusNote,
    lastReturn: lastReturn ? { comment: noteOf(lastReturn), by: who(lastReturn.actor), at: lastReturn.at.toISOString() } : null,
    notApplicableReason: r.status === 'not_applicable' ? r.statusNote : null,
    components: (d.item?.components ?? []).map((c, index) => ({ index, ...splitSubPoints(c), ticked: ticked.has(index) })),
    notes: d.item?.notes ?? [],
    scoring: d.item?.scoring ?? null,
    dataPeriod: d.item?.dataPeriod ?? null,
    evidence: d.evidence.map((e) => {
      const w = d.evidenceWarnings.get(e.id);
      return { id: e.id, url: e.url, label: e.label, addedBy: who(e.addedBy), createdAt: e.createdAt.toISOString(), warning: w ? warning(m, w) : null, health: health(m, e, d.linkHealth.get(e.id)) };
    }),
    people: d.people.map((p) => ({ officerId: p.officerId, name: p.name, position: p.position, role: p.role, roleLabel: m.role[p.role] ?? p.role })),
    history: d.history.map((h) => ({ at: h.at.toISOString(), actor: who(h.actor), action: h.action, text: historyText(m, h), note: noteOf(h) })),
    actions: d.actions,
    can: d.can,
    version: r.version,
  };
}

export type ItemDetail = ReturnType<typeof itemDetail>;

export type LinkHealth = { url: string; state: string; httpStatus: number | null; checkedAt: Date };

/** The last check of this very URL (a result for a URL since replaced says nothing about it). */
function health(m: Messages, e: EvidenceLink, h: LinkHealth | undefined) {
  if (!h || h.url !== e.url) return null;
  return { state: h.state, ok: h.state === 'ok' || h.state === 'moved', label: m.reports.links.stateLabel(h.state, h.httpStatus), httpStatus: h.httpStatus, checkedAt: h.checkedAt.toISOString() };
}

export function warning(m: Messages, w: EvidenceWarning) {
  return { code: w.code, message: m.liff.warnings[w.code]?.(w) ?? w.code };
}

/** "officer:12" → that officer's name is looked up by the caller; these are the others. */
export function actorLabel(m: Messages, ref: string): string {
  if (ref === 'cli' || ref.startsWith('token:') || ref.startsWith('admin')) return m.liff.actors.admin;
  if (ref === 'system' || ref.startsWith('system') || ref.startsWith('scheduler')) return m.liff.actors.system;
  return m.liff.actors.unknown;
}

function historyText(m: Messages, h: AuditRow): string {
  const after = (h.after ?? {}) as Record<string, unknown>;
  const known = m.liff.history[h.action];
  if (known) return known(after);
  const verb = h.action.startsWith('assignment.') ? m.action[h.action.slice('assignment.'.length)] : undefined;
  return verb ?? m.liff.historyOther(h.action);
}

/** The comment or reason a transition carried; the link an evidence change was about. */
function noteOf(h: AuditRow): string | null {
  const after = (h.after ?? {}) as Record<string, unknown>;
  const before = (h.before ?? {}) as Record<string, unknown>;
  if (h.action.startsWith('evidence.')) return String(after.url ?? before.url ?? after.label ?? '') || null;
  return typeof after.statusNote === 'string' ? after.statusNote : null;
}
