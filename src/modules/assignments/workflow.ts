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
