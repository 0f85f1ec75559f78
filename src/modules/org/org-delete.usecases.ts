import type { Db } from '../../db/client.ts';
import { errors } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import { actorRef } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { OrgDeletionRepository } from './org-delete.repository.ts';
import type { OrgRepository } from './org.repository.ts';

/**
 * Removing an organization and everything of it (the demo organization, a test import), in one
 * transaction. An organization real people have worked in (officers linked to real LINE ids,
 * anything done by an admin token or a real officer) is refused unless forced: that history is
 * the agency's evidence of its ITA work. The deletion itself is kept in the audit log without an
 * organization (the organization's own entries go with it).
 */
export function createOrgDeletion({ db, repo, orgRepo, audit }: { db: Db; repo: OrgDeletionRepository; orgRepo: Pick<OrgRepository, 'byId'>; audit: Pick<AuditLog, 'record'> }) {
  return {
    /** What deleting would remove, and the real history that stands in its way. */
    async preview(actor: Actor) {
      assertCan(actor, 'delete_organization', { orgId: actor.orgId });
      const org = await orgRepo.byId(actor.orgId);
      if (!org) throw errors.notFound('organization', actor.orgId);
      return { org, rows: await repo.counts(org.id), history: await repo.realHistory(org.id) };
    },

    async delete(actor: Actor, opts: { force?: boolean } = {}) {
      assertCan(actor, 'delete_organization', { orgId: actor.orgId });
      const org = await orgRepo.byId(actor.orgId);
      if (!org) throw errors.notFound('organization', actor.orgId);
      // Everything inside goes through tx (PGlite has one connection: a query on db here would wait forever).
      return db.transaction(async (tx) => {
        const history = await repo.realHistory(org.id, tx);
        if (!opts.force && (history.linkedOfficers > 0 || history.actions > 0)) throw errors.orgHasHistory(org.slug, history.linkedOfficers, history.actions);
        const rows = await repo.counts(org.id, tx);
        await repo.deleteAll(tx, org.id);
        await audit.record(tx, { orgId: null, ref: actorRef(actor) }, {
          action: 'org.delete', entity: 'organization', entityId: org.id,
          before: { slug: org.slug, name: org.name, rows, realHistory: history, forced: Boolean(opts.force) },
        });
        return { org, rows, history };
      });
    },
  };
}

export type OrgDeletion = ReturnType<typeof createOrgDeletion>;
