import type { Db } from '../../db/client.ts';
import type { Actor } from '../auth/actor.ts';
import type { AssignmentRow, Person } from './assignments.repository.ts';
import type { ReviewPath, Status, WorkflowAction } from './workflow.ts';

/**
 * What changed on one assignment, as the transaction that changed it sees it. Every entry point
 * (chat, LIFF API, admin API, CLI) changes assignments through the assignments use cases, and
 * they report each change here.
 */
type Base = {
  actor: Actor;
  /** The actor's name when they are an officer (null for an admin token, the CLI, the system). */
  actorName: string | null;
  /** The assignment after the change. */
  assignment: AssignmentRow;
  /** Its people after the change. */
  people: Person[];
  /** Its review path after the change (workflow.ts reviewPath): who acts next. */
  reviewPath: ReviewPath;
  at: Date;
};

export type AssignmentChange =
  /** A workflow step (workflow.ts); `assignment.statusNote` holds a return's comment. */
  | (Base & {
      kind: 'transition';
      action: WorkflowAction;
      from: Status;
      evidenceCount: number;
      /** On submit: the catalog components the preparer left unticked (their text), for the reviewer to check first. */
      unticked?: string[];
    })
  /** An admin moved the due date. */
  | (Base & { kind: 'due_date'; from: string | null; to: string | null })
  /** An admin put people on or took them off the assignment (reassignment, transfer). */
  | (Base & { kind: 'people'; added: Person[]; removed: Person[] });

/**
 * The port: called INSIDE the change's transaction, so whatever it writes (notifications in the
 * outbox) commits or rolls back with the change: exactly once per change, never lost, never for a
 * change that did not happen. This module does not depend on LINE or reminders; the container
 * wires the real implementation (notifications/notifier.ts).
 */
export type OnAssignmentChange = (tx: Db, change: AssignmentChange) => Promise<void>;
