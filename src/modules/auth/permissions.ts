import { errors } from '../../shared/errors.ts';
import type { Actor } from './actor.ts';

/**
 * Who may do what: the one place every entry point (HTTP API, chat, LIFF, CLI, cron) asks.
 * - an organization admin (API token, CLI, or an officer flagged admin) may do everything in their
 *   organization;
 * - a preparer changes only assignments they are on;
 * - a supervisor or certifier approves, returns or reopens only what they supervise, and never an
 *   item they also prepare;
 * - any member of the organization may view its items (the working group's "pending" list),
 *   and so may an unlinked member of the organization's registered LINE group, who may do nothing else;
 * - the people on an assignment (preparer, supervisor, certifier) may snooze its reminders for themselves.
 */
export type Action =
  | 'view'
  | 'start'
  | 'submit'
  | 'mark_not_applicable'
  | 'add_evidence'
  | 'edit_evidence'
  | 'tick_components'
  | 'approve'
  | 'return'
  | 'reopen'
  | 'import'
  | 'manage'
  /** The organization-wide overview page (LIFF): admins only. */
  | 'overview'
  | 'snooze';

export type Role = 'preparer' | 'supervisor' | 'certifier';

export type PermissionTarget = {
  orgId: number;
  /** The acting officer's roles on the assignment (empty when they are not on it). */
  people?: ReadonlyArray<{ officerId: number; role: Role }>;
};

const PREPARER_ACTIONS: ReadonlySet<Action> = new Set(['start', 'submit', 'mark_not_applicable', 'add_evidence', 'edit_evidence', 'tick_components']);
const REVIEWER_ACTIONS: ReadonlySet<Action> = new Set(['approve', 'return', 'reopen']);

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'admin' || actor.kind === 'system' || (actor.kind === 'officer' && actor.isAdmin);
}

export function can(actor: Actor, action: Action, target: PermissionTarget): boolean {
  if (actor.orgId !== target.orgId) return false;
  if (isAdmin(actor)) return true;
  if (actor.kind === 'group') return action === 'view';
  if (actor.kind !== 'officer') return false;
  if (action === 'view') return true;
  const roles = new Set((target.people ?? []).filter((p) => p.officerId === actor.officerId).map((p) => p.role));
  if (action === 'snooze') return roles.size > 0;
  if (PREPARER_ACTIONS.has(action)) return roles.has('preparer');
  if (REVIEWER_ACTIONS.has(action)) {
    return (roles.has('supervisor') || roles.has('certifier')) && !roles.has('preparer');
  }
  return false;
}

export function assertCan(actor: Actor, action: Action, target: PermissionTarget): void {
  if (!can(actor, action, target)) throw errors.forbidden(action);
}
