import type { Db } from '../../../db/client.ts';
import type { AuditLog } from '../../audit/audit.ts';
import type { LinkingRepository } from './linking.repository.ts';

/**
 * The offline simulator gives officers made-up LINE ids (`Usim…`; real ones are U + 32 hex digits,
 * so the two never collide). They are nobody on a real channel: once the server starts with LINE
 * credentials they are cleared (and audited), so those officers link properly with a code, and
 * reminders never go to an id LINE would refuse.
 */
export async function forgetSimulatedIds(d: { db: Db; repo: Pick<LinkingRepository, 'clearSimulatedLineUsers'>; audit: Pick<AuditLog, 'record'> }): Promise<number> {
  return d.db.transaction(async (tx) => {
    const cleared = await d.repo.clearSimulatedLineUsers(tx);
    for (const o of cleared) {
      await d.audit.record(tx, { orgId: o.orgId, ref: 'startup' }, { action: 'line.simulated_id.forget', entity: 'officer', entityId: o.id });
    }
    return cleared.length;
  });
}
