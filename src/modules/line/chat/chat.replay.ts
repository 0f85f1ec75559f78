import type { Messages } from '../../../messages/index.ts';
import type { AssignmentsService } from '../../assignments/assignments.usecases.ts';
import type { AppliedEffect } from '../../audit/applied-events.repository.ts';
import type { LinkingRepository } from '../linking/linking.repository.ts';
import type { LineMessage } from '../line.gateway.ts';
import type { HandledEvent } from '../webhook/webhook.schema.ts';
import type { ChatViews } from './chat.views.ts';
import { textMessage } from './flex/common.ts';

type Deps = {
  repo: Pick<LinkingRepository, 'officersByLineUser' | 'activeGroup'>;
  assignments: Pick<AssignmentsService, 'detail'>;
  views: Pick<ChatViews, 'singleDetail'>;
  m: Messages;
};

/**
 * The answer to a retried event whose effects already committed (issue 10.3: a crash after the
 * use case's transaction, before the answer was stored). Running the command again would be
 * refused by the domain ("ลิงก์นี้แนบไว้ในรายการนี้แล้ว", "รหัสถูกใช้แล้ว") or, for a command with
 * no natural idempotency, refused by its marker; instead the user hears what was done, rebuilt
 * from what is stored: the original answer where it depends only on the stored state (a link
 * redeemed, a group registered), else "already recorded" and the item's card as it is now.
 */
export function createReplayAnswers(d: Deps) {
  const A = d.m.applied;
  const L = d.m.line;

  return async function replay(ev: HandledEvent, applied: AppliedEffect[]): Promise<LineMessage[]> {
    const first = applied[0]!;
    const src = ev.source;
    const userId = 'userId' in src ? src.userId : undefined;
    if (first.action === 'line.group.register' && src.type === 'group') {
      const g = await d.repo.activeGroup(src.groupId);
      if (g && g.orgId === first.orgId) return [textMessage(L.link.groupRegistered(g.orgName)), textMessage(L.help.group)];
    }
    // The officer who acted, in the organization the effect belongs to (never another one's).
    const officer = userId ? (await d.repo.officersByLineUser(userId)).find((o) => o.orgId === first.orgId) : undefined;
    if (!officer) return [textMessage(A.generic)];
    if (first.action === 'line.link') return [textMessage(L.link.linked(officer.name, officer.orgName))];
    if (first.entity !== 'assignment' || !first.entityId) return [textMessage(A.generic)];
    const actor = { kind: 'officer' as const, orgId: officer.orgId, officerId: officer.id, isAdmin: officer.isAdmin };
    const id = Number(first.entityId);
    const det = await d.assignments.detail(actor, id).catch(() => null);
    if (!det) return [textMessage(A.generic)];
    const code = det.assignment.itemCode;
    const what = (A.what[first.action] ?? A.other)(code);
    return [textMessage(A.done(what)), ...(await d.views.singleDetail(actor, id, src.type === 'user'))];
  };
}

export type ReplayAnswers = ReturnType<typeof createReplayAnswers>;
