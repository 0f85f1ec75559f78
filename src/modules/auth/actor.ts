/** Who is acting. Every use case takes one; permissions are decided from it in permissions.ts. */
export type Actor =
  | { kind: 'admin'; orgId: number; ref: string } // admin API token or the CLI
  | { kind: 'officer'; orgId: number; officerId: number; isAdmin: boolean }
  | { kind: 'system'; orgId: number; ref: string }; // schedulers

export function actorRef(a: Actor): string {
  return a.kind === 'officer' ? `officer:${a.officerId}` : a.ref;
}

export const cliActor = (orgId: number): Actor => ({ kind: 'admin', orgId, ref: 'cli' });
