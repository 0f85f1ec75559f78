import { errors } from '../../../shared/errors.ts';
import { cliActor } from '../../auth/actor.ts';
import type { OrgRepository } from '../../org/org.repository.ts';
import type { LinkingService } from './linking.usecases.ts';

/** What the CLI's linking commands use (the container has it; no import of the container itself). */
export type LinkingCliDeps = {
  orgRepo: Pick<OrgRepository, 'bySlug'>;
  lineBot: { linking: Pick<LinkingService, 'issueOfficerCode' | 'issueGroupCode' | 'unlinkOfficer'> };
};

async function adminOf(c: LinkingCliDeps, orgSlug: string) {
  const org = await c.orgRepo.bySlug(orgSlug);
  if (!org) throw errors.notFound('organization', orgSlug);
  return { org, actor: cliActor(org.id) };
}

/** For the CLI `link-code --org <slug> --officer <name>`: a one-time code the officer types to the bot. */
export async function createLinkCode(c: LinkingCliDeps, opts: { orgSlug: string; officerName: string; ttlDays?: number }) {
  const { actor } = await adminOf(c, opts.orgSlug);
  return c.lineBot.linking.issueOfficerCode(actor, opts.officerName, opts.ttlDays);
}

/** For the CLI `group-code --org <slug>`: a one-time code typed in the working group's LINE group. */
export async function createGroupCode(c: LinkingCliDeps, opts: { orgSlug: string; ttlDays?: number }) {
  const { actor } = await adminOf(c, opts.orgSlug);
  return c.lineBot.linking.issueGroupCode(actor, opts.ttlDays);
}

/** For the CLI `unlink --org <slug> --officer <name>`: the officer's LINE account may then link anew (or elsewhere). */
export async function unlinkOfficer(c: LinkingCliDeps, opts: { orgSlug: string; officerName: string }) {
  const { org, actor } = await adminOf(c, opts.orgSlug);
  const r = await c.lineBot.linking.unlinkOfficer(actor, opts.officerName);
  return { ...r, orgName: org.name };
}
