/** Who is acting. Every use case takes one; permissions are decided from it in permissions.ts. */
export type Actor =
  /** Admin API token or the CLI; `catalogs`: may also load the deployment's catalogs (token create --catalogs). */
  | { kind: 'admin'; orgId: number; ref: string; catalogs?: boolean }
  /**
   * `eventId`: the LINE webhook event being handled (chat only). Every effect the use case writes
   * is then keyed by it in its own transaction (audit.ts), so a retried event applies nothing twice.
   */
  | { kind: 'officer'; orgId: number; officerId: number; isAdmin: boolean; eventId?: string }
  | { kind: 'system'; orgId: number; ref: string } // schedulers
  /** A member of a registered LINE group who is not linked to an officer: may only read. */
  | { kind: 'group'; orgId: number; groupId: string };

export function actorRef(a: Actor): string {
  if (a.kind === 'officer') return `officer:${a.officerId}`;
  if (a.kind === 'group') return `line-group:${a.groupId}`;
  return a.ref;
}

export const cliActor = (orgId: number): Actor => ({ kind: 'admin', orgId, ref: 'cli', catalogs: true });
/** The CLI acting for the whole deployment (catalog commands): no organization of its own (0). */
export const cliOperator: Actor = { kind: 'admin', orgId: 0, ref: 'cli', catalogs: true };
