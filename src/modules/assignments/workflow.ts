import { errors } from '../../shared/errors.ts';

/**
 * The status workflow, in one place:
 *
 *   not_started ─start→ in_progress ─submit→ submitted ─approve→ approved
 *        │                  │                    │ return(comment)        │ return / reopen
 *        └──── submit ──────┘                    ↓                        ↓
 *                                             returned ─start/submit→ …
 *   not_started | in_progress | returned ─mark_not_applicable(reason)→ not_applicable
 *
 * Submitting needs at least one evidence link; returning needs a comment; "not applicable" needs
 * the reason (NACC expects "ไม่มี เนื่องจาก…" to be published too).
 */
export const STATUSES = ['not_started', 'in_progress', 'submitted', 'approved', 'returned', 'not_applicable'] as const;
export type Status = (typeof STATUSES)[number];

export const WORKFLOW_ACTIONS = ['start', 'submit', 'approve', 'return', 'mark_not_applicable', 'reopen'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

type Rule = { from: readonly Status[]; to: Status; needsNote?: boolean; needsEvidence?: boolean };

export const RULES: Readonly<Record<WorkflowAction, Rule>> = {
  start: { from: ['not_started', 'returned'], to: 'in_progress' },
  submit: { from: ['not_started', 'in_progress', 'returned'], to: 'submitted', needsEvidence: true },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted', 'approved', 'not_applicable'], to: 'returned', needsNote: true },
  mark_not_applicable: { from: ['not_started', 'in_progress', 'returned'], to: 'not_applicable', needsNote: true },
  reopen: { from: ['approved', 'not_applicable'], to: 'in_progress' },
};

/** Items still needing someone's work: everything but approved and not_applicable. */
export const OPEN_STATUSES: readonly Status[] = ['not_started', 'in_progress', 'submitted', 'returned'];
/** What the preparer still has to act on. */
export const PREPARER_OPEN_STATUSES: readonly Status[] = ['not_started', 'in_progress', 'returned'];

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

/** Final: nothing more to do (approved, or declared not applicable with its reason). */
export function isFinal(status: Status): boolean {
  return !OPEN_STATUSES.includes(status);
}

export function nextStatus(
  from: Status,
  action: WorkflowAction,
  ctx: { note?: string | null; evidenceCount: number },
): { to: Status; note: string | null } {
  const rule = RULES[action];
  if (!rule.from.includes(from)) throw errors.illegalTransition(from, action);
  const note = ctx.note?.trim() || null;
  if (rule.needsNote && !note) throw errors.reasonRequired(action);
  if (rule.needsEvidence && ctx.evidenceCount === 0) throw errors.evidenceRequired();
  return { to: rule.to, note: rule.needsNote ? note : null };
}

export function allowedActions(from: Status): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => RULES[a].from.includes(from));
}
