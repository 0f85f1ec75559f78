import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { errors } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { OrgRepository } from './org.repository.ts';

export const orgInput = z.object({
  slug: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a-z, 0-9 and "-", 2–63 characters'),
  name: z.string().trim().min(1).max(300),
  website: z.string().trim().optional(),
});

/** "https://www.example.go.th/ita" → "www.example.go.th". */
export function domainOf(website: string): string {
  const withScheme = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  try {
    return new URL(withScheme).hostname.toLowerCase();
  } catch {
    throw errors.urlInvalid(website);
  }
}

export function createOrgService({ db, repo, audit }: { db: Db; repo: OrgRepository; audit: AuditLog }) {
  return {
    async create(input: z.input<typeof orgInput>) {
      const parsed = orgInput.safeParse(input);
      if (!parsed.success) {
        throw errors.validation(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      }
      const { slug, name, website } = parsed.data;
      if (await repo.bySlug(slug)) throw errors.orgExists(slug);
      const websiteDomains = website ? [domainOf(website)] : [];
      return db.transaction(async (tx) => {
        const org = await repo.insertOrg(tx, { slug, name, websiteDomains });
        await audit.record(tx, { orgId: org.id, ref: 'cli' }, { action: 'org.create', entity: 'organization', entityId: org.id, after: org });
        return org;
      });
    },
    /** Grants or revokes organization-admin rights (everything within the organization). */
    async setAdmin(actor: Actor, officerName: string, isAdmin: boolean) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      return db.transaction(async (tx) => {
        const officer = await repo.setAdmin(tx, actor.orgId, officerName, isAdmin);
        if (!officer) throw errors.notFound('officer', officerName);
        await audit.record(tx, actor, { action: isAdmin ? 'officer.admin.grant' : 'officer.admin.revoke', entity: 'officer', entityId: officer.id, after: { isAdmin } });
        return officer;
      });
    },
    /**
     * One-step review (the first supervisor's or certifier's decision is final) or two-step (a
     * supervisor checks, then a certifier certifies; workflow.ts). Admins only, audited.
     */
    async setReviewSteps(actor: Actor, steps: number): Promise<{ before: 1 | 2; after: 1 | 2 }> {
      assertCan(actor, 'configure', { orgId: actor.orgId });
      if (steps !== 1 && steps !== 2) throw errors.validation([{ path: 'reviewSteps', message: '1 | 2' }]);
      return db.transaction(async (tx) => {
        const before = await repo.setReviewSteps(tx, actor.orgId, steps);
        if (before === undefined) throw errors.notFound('organization', actor.orgId);
        if (before !== steps) await audit.record(tx, actor, { action: 'organization.review_steps', entity: 'organization', entityId: actor.orgId, before: { reviewSteps: before }, after: { reviewSteps: steps } });
        return { before: before === 1 ? 1 : 2, after: steps };
      });
    },
    /** The organization's settings as an admin sees them. */
    async settings(actor: Actor) {
      assertCan(actor, 'configure', { orgId: actor.orgId });
      const org = await repo.byId(actor.orgId);
      if (!org) throw errors.notFound('organization', actor.orgId);
      return { slug: org.slug, name: org.name, websiteDomains: org.websiteDomains, reviewSteps: (org.reviewSteps === 1 ? 1 : 2) as 1 | 2 };
    },
    async bySlug(slug: string) {
      const org = await repo.bySlug(slug);
      if (!org) throw errors.notFound('organization', slug);
      return org;
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
