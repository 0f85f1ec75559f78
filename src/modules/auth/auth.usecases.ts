import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { errors } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { Actor } from './actor.ts';
import { assertCan } from './permissions.ts';
import { apiTokens } from './auth.table.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Admin API tokens: "ita_" + 32 random bytes; only the hash is kept. */
export function createAuthService({ db, audit }: { db: Db; audit: AuditLog }) {
  return {
    async createToken(orgId: number, label = 'admin', { catalogs = false } = {}): Promise<{ id: number; token: string }> {
      const token = `ita_${randomBytes(32).toString('base64url')}`;
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(apiTokens).values({ orgId, label, tokenHash: hash(token), catalogs }).returning({ id: apiTokens.id });
        await audit.record(tx, { orgId, ref: 'cli' }, { action: 'token.create', entity: 'api_token', entityId: row!.id, after: { label, catalogs } });
        return { id: row!.id, token };
      });
    },

    /** The organization's tokens (never the token itself: only its hash is kept). */
    async listTokens(actor: Actor): Promise<Array<{ id: number; label: string; createdAt: Date; revokedAt: Date | null }>> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      return db.select({ id: apiTokens.id, label: apiTokens.label, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt })
        .from(apiTokens).where(eq(apiTokens.orgId, actor.orgId)).orderBy(asc(apiTokens.id));
    },

    /** Revokes one of the organization's tokens at once (audited); revoking it again changes nothing. */
    async revokeToken(actor: Actor, id: number, at: Date): Promise<{ id: number; label: string; revokedAt: Date }> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(apiTokens).where(and(eq(apiTokens.orgId, actor.orgId), eq(apiTokens.id, id)));
        if (!row) throw errors.notFound('token', id);
        if (row.revokedAt) return { id, label: row.label, revokedAt: row.revokedAt };
        await tx.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id));
        await audit.record(tx, actor, { action: 'token.revoke', entity: 'api_token', entityId: id, before: { label: row.label } });
        return { id, label: row.label, revokedAt: at };
      });
    },

    /** Resolves a bearer token to an admin actor of its organization, or throws UNAUTHORIZED. */
    async authenticate(authorization: string | undefined): Promise<Actor> {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!m) throw errors.unauthorized();
      const [row] = await db
        .select({ id: apiTokens.id, orgId: apiTokens.orgId, catalogs: apiTokens.catalogs })
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, hash(m[1]!)), isNull(apiTokens.revokedAt)));
      if (!row) throw errors.unauthorized();
      return { kind: 'admin', orgId: row.orgId, ref: `token:${row.id}`, catalogs: row.catalogs };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
