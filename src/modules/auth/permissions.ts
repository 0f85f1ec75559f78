import { errors } from '../../shared/errors.ts';
import { actorRef, type Actor } from './actor.ts';

/**
 * Who may do what: the one place every entry point (HTTP API, chat, LIFF, CLI, cron) asks.
 * - an organization admin (API token, CLI, or an officer flagged admin) may do everything in their
 *   organization;
 * - a preparer changes only assignments they are on;
 * - review has two steps: a supervisor checks (ตรวจแล้ว), a certifier certifies (รับรอง, final);
 *   either returns (with a comment) or reopens what they review, never an item they also prepare;
 * - nobody checks or certifies what they prepared, whatever kind of actor they are: not a preparer
 *   of the item (an admin included), not whoever submitted it (an admin token or the CLI included),
 *   and the certifier is not the one who checked it (two steps are two people);
 * - any member of the organization may view its items (the working group's "pending" list),
 *   and so may an unlinked member of the organization's registered LINE group, who may do nothing else;
 * - the people on an assignment (preparer, supervisor, certifier) may snooze its reminders for themselves;
 * - catalogs belong to the whole deployment: only the CLI and admin tokens created with
 *   `--catalogs` may load one (`manage_catalogs`), whatever organization they belong to;
 * - only the CLI deletes an organization (`delete_organization`), not an admin token or officer.
 */
export type Action =
  | 'view'
  | 'start'
  | 'submit'
  | 'mark_not_applicable'
  | 'add_evidence'
  | 'edit_evidence'
  | 'tick_components'
  | 'check'
  | 'approve'
  | 'return'
  | 'reopen'
  | 'import'
  | 'manage'
  /** The organization-wide overview page (LIFF): admins only. */
  | 'overview'
  /** Organization settings (one- or two-step review): admins only. */
  | 'configure'
  | 'snooze'
  | 'manage_catalogs'
  /** Removing an organization with everything of it: the CLI only (the server's operator), never a token or an officer. */
  | 'delete_organization';

export type Role = 'preparer' | 'supervisor' | 'certifier';

export type PermissionTarget = {
  orgId: number;
  /** The acting officer's roles on the assignment (empty when they are not on it). */
  people?: ReadonlyArray<{ officerId: number; role: Role }>;
  /** Actor ref (actor.ts actorRef) of whoever submitted the item, while it is in review or decided. */
  submittedBy?: string | null;
  /** Actor ref of whoever checked it, while it waits for certification. */
  checkedBy?: string | null;
};

const PREPARER_ACTIONS: ReadonlySet<Action> = new Set(['start', 'submit', 'mark_not_applicable', 'add_evidence', 'edit_evidence', 'tick_components']);
const REVIEWER_ACTIONS: ReadonlySet<Action> = new Set(['check', 'approve', 'return', 'reopen']);
/** Actions that decide the item is right: never by whoever prepared it. */
const DECIDING_ACTIONS: ReadonlySet<Action> = new Set(['check', 'approve']);

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'admin' || actor.kind === 'system' || (actor.kind === 'officer' && actor.isAdmin);
}

/** The acting officer's roles on the assignment (none for other kinds of actor). */
function rolesOf(actor: Actor, target: PermissionTarget): Set<Role> {
  if (actor.kind !== 'officer') return new Set();
  return new Set((target.people ?? []).filter((p) => p.officerId === actor.officerId).map((p) => p.role));
}

/** Would this be someone approving their own work? (issue: an admin who prepared O5 approved it.) */
function ownWork(actor: Actor, action: Action, target: PermissionTarget, roles: Set<Role>): boolean {
  if (!DECIDING_ACTIONS.has(action)) return false;
  const ref = actorRef(actor);
  return roles.has('preparer') || target.submittedBy === ref || (action === 'approve' && target.checkedBy === ref);
}

export function can(actor: Actor, action: Action, target: PermissionTarget): boolean {
  if (action === 'manage_catalogs') return actor.kind === 'admin' && actor.catalogs === true;
  if (action === 'delete_organization') return actor.kind === 'admin' && actor.ref === 'cli' && actor.orgId === target.orgId;
  if (actor.orgId !== target.orgId) return false;
  const roles = rolesOf(actor, target);
  if (ownWork(actor, action, target, roles)) return false;
  if (isAdmin(actor)) return true;
  if (actor.kind === 'group') return action === 'view';
  if (actor.kind !== 'officer') return false;
  if (action === 'view') return true;
  if (action === 'snooze') return roles.size > 0;
  if (PREPARER_ACTIONS.has(action)) return roles.has('preparer');
  if (action === 'check') return roles.has('supervisor');
  if (action === 'approve') return roles.has('certifier');
  if (REVIEWER_ACTIONS.has(action)) {
    return (roles.has('supervisor') || roles.has('certifier')) && !roles.has('preparer');
  }
  return false;
}

export function assertCan(actor: Actor, action: Action, target: PermissionTarget): void {
  if (!can(actor, action, target)) throw errors.forbidden(action);
}
