/** Who is acting. Every use case takes one; permissions are decided from it in permissions.ts. */
export type Actor =
  | { kind: 'admin'; orgId: number; ref: string } // admin API token or the CLI
  | { kind: 'officer'; orgId: number; officerId: number; isAdmin: boolean }
  | { kind: 'system'; orgId: number; ref: string } // schedulers
  /** A member of a registered LINE group who is not linked to an officer: may only read. */
  | { kind: 'group'; orgId: number; groupId: string };

export function actorRef(a: Actor): string {
  if (a.kind === 'officer') return `officer:${a.officerId}`;
  if (a.kind === 'group') return `line-group:${a.groupId}`;
  return a.ref;
}

export const cliActor = (orgId: number): Actor => ({ kind: 'admin', orgId, ref: 'cli' });
