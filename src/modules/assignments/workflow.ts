import { errors } from '../../shared/errors.ts';

/**
 * The status workflow, in one place. Review has two steps, as the agencies' own tables have it:
 * the supervisor (ผู้กำกับติดตาม) checks, the certifier (ผู้รับรองข้อมูล) confirms completeness.
 *
 *   not_started ─start→ in_progress ─submit→ submitted ─check→ checked ─approve→ approved (final)
 *        │                  │                    │                 │               │
 *        └──── submit ──────┘                    └──── return(comment) ────────────┴─→ returned
 *                                                                                      ─start/submit→ …
 *   not_started | in_progress | returned ─mark_not_applicable(reason)→ not_applicable (final)
 *   approved | not_applicable ─reopen→ in_progress;  not_applicable ─return(comment)→ returned
 *
 * The review path of one assignment (ReviewPath) decides where check and approve lead:
 * - two steps (the default, with a supervisor and a certifier on the assignment): check →
 *   checked, then approve (certify) → approved;
 * - no certifier on the assignment: the supervisor's check is final (→ approved);
 * - no supervisor: the certifier approves the submitted item directly;
 * - the organization chose one-step review: whichever reviewer acts first makes it final.
 *
 * Submitting needs at least one evidence link; returning needs a comment; "not applicable" needs
 * the reason (NACC expects "ไม่มี เนื่องจาก…" to be published too).
 */
export const STATUSES = ['not_started', 'in_progress', 'submitted', 'checked', 'approved', 'returned', 'not_applicable'] as const;
export type Status = (typeof STATUSES)[number];

export const WORKFLOW_ACTIONS = ['start', 'submit', 'check', 'approve', 'return', 'mark_not_applicable', 'reopen'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export type Rule = { from: readonly Status[]; to: Status; needsNote?: boolean; needsEvidence?: boolean };

/** Which review steps this assignment still has: a supervisor's check first, a certifier's certification last. */
export type ReviewPath = { needsCheck: boolean; needsCertification: boolean };

/** Two steps; the path of an assignment with a supervisor and a certifier in an organization that kept two-step review. */
export const TWO_STEP: ReviewPath = { needsCheck: true, needsCertification: true };

/** The path of one assignment, from the organization's setting and who is on it. */
export function reviewPath(o: { reviewSteps: 1 | 2; supervisors: number; certifiers: number }): ReviewPath {
  if (o.reviewSteps === 1) return { needsCheck: false, needsCertification: false };
  return { needsCheck: o.supervisors > 0, needsCertification: o.certifiers > 0 };
}

/** The rules for one review path. */
export function rulesFor(path: ReviewPath): Readonly<Record<WorkflowAction, Rule>> {
  return {
    start: { from: ['not_started', 'returned'], to: 'in_progress' },
    submit: { from: ['not_started', 'in_progress', 'returned'], to: 'submitted', needsEvidence: true },
    check: { from: ['submitted'], to: path.needsCertification ? 'checked' : 'approved' },
    approve: { from: path.needsCheck ? ['checked'] : ['submitted', 'checked'], to: 'approved' },
    return: { from: ['submitted', 'checked', 'approved', 'not_applicable'], to: 'returned', needsNote: true },
    mark_not_applicable: { from: ['not_started', 'in_progress', 'returned'], to: 'not_applicable', needsNote: true },
    reopen: { from: ['approved', 'not_applicable'], to: 'in_progress' },
  };
}

/**
 * Final: nothing more for anyone to do. Exports, summaries, progress bars and the public page
 * count these (and only these) as done; everything else is open.
 */
export const FINAL_STATUSES: readonly Status[] = ['approved', 'not_applicable'];
export function isFinal(status: Status): boolean {
  return FINAL_STATUSES.includes(status);
}
/** Items still needing someone's work: everything not final. */
export const OPEN_STATUSES: readonly Status[] = STATUSES.filter((s) => !FINAL_STATUSES.includes(s));
/** What the preparer still has to act on (reminders, overdue). */
export const PREPARER_OPEN_STATUSES: readonly Status[] = ['not_started', 'in_progress', 'returned'];
/** Waiting for a reviewer: the supervisor's check (submitted) or the certifier's (checked). */
export const IN_REVIEW_STATUSES: readonly Status[] = ['submitted', 'checked'];

/**
 * While the preparer holds the item, its evidence and ticked components may change; once it is
 * submitted (or decided) they are what the reviewer saw, until someone returns or reopens it.
 */
export function contentEditable(status: Status): boolean {
  return PREPARER_OPEN_STATUSES.includes(status);
}

/**
 * Days past the due date, for work the preparer still holds; null when not overdue. A submitted
 * item waits for its reviewers, so it no longer counts as the preparer's overdue work.
 */
export function overdueDays(row: { status: Status; dueOn: string | null }, today: string): number | null {
  if (!row.dueOn || !PREPARER_OPEN_STATUSES.includes(row.status)) return null;
  const d = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${row.dueOn}T00:00:00Z`)) / 86_400_000);
  return d > 0 ? d : null;
}

/**
 * The status an assignment starts in when the working group's sheet says how far it is (its
 * status column, or "ไม่มี เนื่องจาก…"): "ดำเนินการแล้ว" (done) is the final approved state — the
 * sheet records a check already made. An import sets it only on assignments no one has started.
 */
export const SHEET_STATUSES: Readonly<Record<'not_started' | 'in_progress' | 'done' | 'not_applicable', Status>> = {
  not_started: 'not_started',
  in_progress: 'in_progress',
  done: 'approved',
  not_applicable: 'not_applicable',
};

export function nextStatus(
  from: Status,
  action: WorkflowAction,
  ctx: { note?: string | null; evidenceCount: number; path?: ReviewPath },
): { to: Status; note: string | null } {
  const rule = rulesFor(ctx.path ?? TWO_STEP)[action];
  if (!rule.from.includes(from)) throw errors.illegalTransition(from, action);
  const note = ctx.note?.trim() || null;
  if (rule.needsNote && !note) throw errors.reasonRequired(action);
  if (rule.needsEvidence && ctx.evidenceCount === 0) throw errors.evidenceRequired();
  return { to: rule.to, note: rule.needsNote ? note : null };
}

export function allowedActions(from: Status, path: ReviewPath = TWO_STEP): WorkflowAction[] {
  const rules = rulesFor(path);
  return WORKFLOW_ACTIONS.filter((a) => rules[a].from.includes(from));
}
