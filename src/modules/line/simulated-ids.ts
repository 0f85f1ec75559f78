import type { Container } from '../../container.ts';

/**
 * The offline simulator gives officers made-up LINE ids (`Usim…`; real ones are U + 32 hex digits,
 * so the two never collide). They are nobody on a real channel: once the server starts with LINE
 * credentials they are cleared (and audited), so those officers link properly with a code, and
 * reminders never go to an id LINE would refuse.
 */
export async function forgetSimulatedIds(c: Pick<Container, 'database' | 'audit' | 'lineBot'>): Promise<number> {
  return c.database.db.transaction(async (tx) => {
    const cleared = await c.lineBot.linkingRepo.clearSimulatedLineUsers(tx);
    for (const o of cleared) {
      await c.audit.record(tx, { orgId: o.orgId, ref: 'startup' }, { action: 'line.simulated_id.forget', entity: 'officer', entityId: o.id });
    }
    return cleared.length;
  });
}
