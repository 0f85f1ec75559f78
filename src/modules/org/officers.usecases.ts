import type { Db } from '../../db/client.ts';
import { errors } from '../../shared/errors.ts';
import { unitKey } from '../../shared/thai-text.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { OfficersRepository } from './officers.repository.ts';
import type { OrgRepository } from './org.repository.ts';

/**
 * An admin lists, adds, renames and deactivates officers without re-importing a sheet. `reachable`
 * is whether a message can reach them on LINE now: linked, active, not blocked.
 */
export function createOfficersService({ db, repo, orgRepo, audit }: { db: Db; repo: OfficersRepository; orgRepo: Pick<OrgRepository, 'units'>; audit: Pick<AuditLog, 'record'> }) {
  async function byName(actor: Actor, name: string, tx: Db = db) {
    const o = await repo.byName(actor.orgId, name, tx);
    if (!o) throw errors.notFound('officer', name);
    return o;
  }

  return {
    async list(actor: Actor, opts: { unlinked?: boolean } = {}) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const rows = (await repo.list(actor.orgId)).map(({ lineUserId, ...o }) => ({
        ...o,
        linked: lineUserId !== null,
        reachable: lineUserId !== null && o.reachable && o.active,
      }));
      return opts.unlinked ? rows.filter((o) => !o.linked && o.active) : rows;
    },

    byName: (actor: Actor, name: string) => {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      return byName(actor, name);
    },

    async add(actor: Actor, v: { name: string; position?: string | null; unit?: string | null }) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const name = v.name.trim();
      if (!name || name.length > 200) throw errors.validation([{ path: 'name', message: '1–200' }]);
      let unitId: number | null = null;
      if (v.unit) {
        const unit = (await orgRepo.units(actor.orgId)).find((u) => u.nameKey === unitKey(v.unit!));
        if (!unit) throw errors.notFound('unit', v.unit);
        unitId = unit.id;
      }
      return db.transaction(async (tx) => {
        if (await repo.byName(actor.orgId, name, tx)) throw errors.validation([{ path: 'name', message: `มีเจ้าหน้าที่ชื่อ ${name} อยู่แล้ว` }]);
        const o = await repo.insert(tx, { orgId: actor.orgId, name, position: v.position?.trim() || null, unitId });
        await audit.record(tx, actor, { action: 'officer.add', entity: 'officer', entityId: o.id, after: { name, position: o.position, unitId } });
        return o;
      });
    },

    async rename(actor: Actor, from: string, to: string) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const name = to.trim();
      if (!name || name.length > 200) throw errors.validation([{ path: 'name', message: '1–200' }]);
      return db.transaction(async (tx) => {
        const o = await byName(actor, from, tx);
        const clash = await repo.byName(actor.orgId, name, tx);
        if (clash && clash.id !== o.id) throw errors.validation([{ path: 'name', message: `มีเจ้าหน้าที่ชื่อ ${name} อยู่แล้ว` }]);
        const row = (await repo.update(tx, actor.orgId, o.id, { name }))!;
        await audit.record(tx, actor, { action: 'officer.rename', entity: 'officer', entityId: o.id, before: { name: o.name }, after: { name } });
        return row;
      });
    },

    /** A deactivated officer gets no reminders or cards and is left out of lists; their history stays. */
    async setActive(actor: Actor, name: string, active: boolean) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      return db.transaction(async (tx) => {
        const o = await byName(actor, name, tx);
        if (o.active === active) return o;
        const row = (await repo.update(tx, actor.orgId, o.id, { active }))!;
        await audit.record(tx, actor, { action: active ? 'officer.activate' : 'officer.deactivate', entity: 'officer', entityId: o.id, before: { active: o.active }, after: { active } });
        return row;
      });
    },
  };
}

export type OfficersService = ReturnType<typeof createOfficersService>;
