import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { errors } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit.ts';
import { actorRef, type Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import { nameAliases } from './aliases.table.ts';
import { aliasMap, makeAlias, type AliasKind } from './import.aliases.ts';
import type { Alias } from './import.repository.ts';

/**
 * Aliases of units and officers, per organization: the admin's answer to a near-duplicate the
 * import listed ("ก.ย.ยุทธศาสตร์ฯ" is "กง.ยุทธศาสตร์ฯ"). Every change is audited.
 */
export function createAliasService({ db, audit }: { db: Db; audit: AuditLog }) {
  async function stored(tx: Db, orgId: number): Promise<Alias[]> {
    return (await tx
      .select({ kind: nameAliases.kind, alias: nameAliases.alias, aliasKey: nameAliases.aliasKey, target: nameAliases.target, targetKey: nameAliases.targetKey })
      .from(nameAliases)
      .where(eq(nameAliases.orgId, orgId))
      .orderBy(asc(nameAliases.kind), asc(nameAliases.alias))) as Alias[];
  }

  /** Records aliases inside `tx` (an import's aliases sheet, or one from the CLI/API). */
  async function record(tx: Db, actor: Actor, list: Alias[]): Promise<number> {
    let changed = 0;
    for (const a of list) {
      if (a.aliasKey === a.targetKey) throw errors.aliasInvalid('same', a.alias);
      const current = await stored(tx, actor.orgId);
      // The target may itself be an alias: point at the name it stands for; no circles.
      const final = aliasMap(current)[a.kind as AliasKind].get(a.targetKey) ?? { key: a.targetKey, name: a.target };
      if (final.key === a.aliasKey) throw errors.aliasInvalid('circle', a.alias);
      const before = current.find((x) => x.kind === a.kind && x.aliasKey === a.aliasKey);
      if (before?.targetKey === final.key) continue;
      const row = { orgId: actor.orgId, kind: a.kind, alias: a.alias, aliasKey: a.aliasKey, target: final.name, targetKey: final.key, createdBy: actorRef(actor) };
      await tx.insert(nameAliases).values(row).onConflictDoUpdate({
        target: [nameAliases.orgId, nameAliases.kind, nameAliases.aliasKey], set: { target: final.name, targetKey: final.key, createdBy: row.createdBy },
      });
      // Aliases that pointed at this name now point where it does.
      await tx.update(nameAliases).set({ target: final.name, targetKey: final.key })
        .where(and(eq(nameAliases.orgId, actor.orgId), eq(nameAliases.kind, a.kind), eq(nameAliases.targetKey, a.aliasKey)));
      await audit.record(tx, actor, {
        action: before ? 'alias.update' : 'alias.create', entity: 'alias', entityId: `${a.kind}:${a.aliasKey}`,
        before: before ? { alias: before.alias, target: before.target } : null, after: { kind: a.kind, alias: a.alias, target: final.name },
      });
      changed++;
    }
    return changed;
  }

  return {
    record,
    stored: (orgId: number) => stored(db, orgId),
    /** `unit alias "<alias>" --to "<name>"`, `officer alias …`, POST /api/v1/aliases. */
    async add(actor: Actor, kind: AliasKind, alias: string, target: string) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const a = makeAlias(kind, alias, target);
      if (!a.aliasKey || !a.targetKey) throw errors.aliasInvalid('empty', alias);
      const changed = await db.transaction((tx) => record(tx, actor, [a]));
      return { ...a, changed: changed > 0 };
    },
    async list(actor: Actor) {
      assertCan(actor, 'view', { orgId: actor.orgId });
      return stored(db, actor.orgId);
    },
  };
}

export type AliasService = ReturnType<typeof createAliasService>;
