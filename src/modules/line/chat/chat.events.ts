import type { Messages } from '../../../messages/index.ts';
import { isAppError } from '../../../shared/errors.ts';
import type { Actor } from '../../auth/actor.ts';
import { errorText, type ChatActions } from './chat.actions.ts';
import type { TypedActions } from './chat.typed.ts';
import type { ChatViews } from './chat.views.ts';
import { parseCommand, stripMentions, type Command } from './commands.ts';
import { textMessage } from './flex/common.ts';
import type { InboxAnswer, InboxJob } from '../webhook/inbox.types.ts';
import type { LineMessage } from '../line.gateway.ts';
import type { LinkedOfficer, LinkingRepository } from '../linking/linking.repository.ts';
import type { LinkingService, RedeemFailure } from '../linking/linking.usecases.ts';
import type { AppliedEventsRepository } from '../../audit/applied-events.repository.ts';
import type { ReplayAnswers } from './chat.replay.ts';
import { decodePostback, type Postback } from './postback.ts';
import type { Conversation } from '../webhook/responder.ts';
import { handledEvent, type HandledEvent } from '../webhook/webhook.schema.ts';

type Deps = {
  repo: Pick<LinkingRepository, 'officersByLineUser' | 'activeGroup' | 'setReachable' | 'deactivateGroup'>;
  linking: Pick<LinkingService, 'redeemOfficerCode' | 'redeemGroupCode' | 'setGroupDailySummary'>;
  views: ChatViews;
  actions: ChatActions;
  typed: TypedActions;
  /** What a retried event already applied (issue 10.3), and the answer rebuilt from it. */
  applied: Pick<AppliedEventsRepository, 'forEvent'>;
  replay: ReplayAnswers;
  m: Messages;
};

/** What replaces a one-time code in a stored event. */
export const REDACTED = '[รหัสถูกลบแล้ว]';

/** `eventId`: the webhook event being handled; every effect it causes is keyed by it (audit.ts). */
const officerActor = (o: LinkedOfficer, eventId: string): Extract<Actor, { kind: 'officer' }> => ({ kind: 'officer', orgId: o.orgId, officerId: o.id, isAdmin: o.isAdmin, eventId });
/** An unlinked member of a registered group: reads the organization's lists, nothing else (permissions.ts). */
const groupActor = (orgId: number, groupId: string): Actor => ({ kind: 'group', orgId, groupId });

/**
 * Turns one stored LINE event into answers. Groups chat a lot: there only commands get an
 * answer. In 1:1 anything unknown gets a short help. People are resolved from their LINE user id
 * on every event; nothing in the event is trusted for authorization.
 */
export function createLineEventHandler(d: Deps) {
  const L = d.m.line;
  const T = L.typed;

  function linkFailure(f: RedeemFailure): LineMessage[] {
    if (f.reason === 'rate_limited') return [textMessage(L.link.rateLimited(f.minutes ?? 15))];
    if (f.reason === 'wrong_kind') return [textMessage(L.link.wrongKind)];
    if (f.reason === 'line_taken') return [textMessage(L.link.lineIdTaken(f.name ?? ''))];
    if (f.reason === 'other_org') return [textMessage(L.link.otherOrg(f.name ?? ''))];
    return [textMessage(L.link.invalid)];
  }

  /** The officer a LINE user acts as: in a group, the one in the group's organization. */
  async function officerOf(userId: string | undefined, orgId?: number): Promise<LinkedOfficer | undefined> {
    if (!userId) return undefined;
    const all = await d.repo.officersByLineUser(userId);
    return orgId === undefined ? all[0] : all.find((o) => o.orgId === orgId);
  }

  async function direct(userId: string, cmd: Command, eventId: string): Promise<LineMessage[]> {
    if (cmd.kind === 'link') {
      if (!cmd.code) return [textMessage(L.link.usage)];
      const r = await d.linking.redeemOfficerCode(userId, cmd.code, eventId);
      return r.ok ? [textMessage(L.link.linked(r.officerName, r.orgName))] : linkFailure(r);
    }
    if (cmd.kind === 'register') return [textMessage(L.link.wrongKind)];
    if (cmd.kind === 'daily') return [textMessage(L.daily.groupOnly)];
    const officer = await officerOf(userId);
    if (!officer) return [textMessage(L.help.unlinked)];
    const actor = officerActor(officer, eventId);
    switch (cmd.kind) {
      case 'help': return [textMessage(L.help.officer)];
      case 'my': return d.views.myItems(actor);
      case 'summary': return d.views.supervisedSummary(actor);
      case 'pending': return d.views.pending(actor);
      case 'item': return d.views.itemDetail(actor, cmd.number, true);
      case 'return': return cmd.number && cmd.reason ? d.actions.returnByCode(actor, cmd.number, cmd.reason) : [textMessage(L.actions.returnUsage)];
      case 'evidence': return cmd.number && cmd.url ? d.actions.evidenceByCode(actor, cmd.number, cmd.url, cmd.label) : [textMessage(L.evidence.usage)];
      case 'removeEvidence': return cmd.number ? d.typed.removeEvidence(actor, cmd.number, cmd.index) : [textMessage(T.removeUsage)];
      case 'submit': return cmd.number ? d.typed.submit(actor, cmd.number) : [textMessage(T.submitUsage)];
      case 'review': return cmd.number ? d.typed.review(actor, cmd.number, cmd.step) : [textMessage(T.reviewUsage)];
      case 'notApplicable': return cmd.number && cmd.reason ? d.typed.notApplicable(actor, cmd.number, cmd.reason) : [textMessage(T.notApplicableUsage)];
      default: return [textMessage(L.unknown)];
    }
  }

  async function group(groupId: string, userId: string | undefined, cmd: Command, eventId: string): Promise<LineMessage[]> {
    if (cmd.kind === 'unknown') return [];
    if (cmd.kind === 'register') {
      if (!cmd.code) return [textMessage(L.help.unregisteredGroup)];
      const r = await d.linking.redeemGroupCode(groupId, userId, cmd.code, eventId);
      return r.ok ? [textMessage(L.link.groupRegistered(r.orgName)), textMessage(L.help.group)] : linkFailure(r);
    }
    // A link code typed in a group would be seen by everyone: only 1:1 chats link people.
    if (cmd.kind === 'link') return [textMessage(L.link.wrongKind)];
    const g = await d.repo.activeGroup(groupId);
    if (!g) return [textMessage(L.help.unregisteredGroup)];
    const officer = await officerOf(userId, g.orgId);
    // Any member of a registered group may read the organization's list; only linked officers get buttons.
    const reader: Actor = officer ? officerActor(officer, eventId) : groupActor(g.orgId, groupId);
    switch (cmd.kind) {
      case 'help': return [textMessage(L.help.group)];
      case 'daily': {
        if (cmd.on === null) return [textMessage(L.daily.status(g.dailySummary))];
        if (!officer) return [textMessage(L.daily.adminOnly)];
        try {
          await d.linking.setGroupDailySummary(officerActor(officer, eventId), groupId, cmd.on);
        } catch (e) {
          return isAppError(e) && e.code === 'FORBIDDEN' ? [textMessage(L.daily.adminOnly)] : errorText(d.m, e);
        }
        return [textMessage(cmd.on ? L.daily.on : L.daily.off)];
      }
      case 'pending': return d.views.pending(reader);
      case 'summary': return d.views.orgSummary(reader);
      case 'item': return d.views.itemDetail(reader, cmd.number, Boolean(officer));
      case 'return': return officer && cmd.number && cmd.reason ? d.actions.returnByCode(officerActor(officer, eventId), cmd.number, cmd.reason) : [];
      // Evidence is personal work: done in the 1:1 chat (a half-typed "ลิงก์ …" in a group is just chat).
      case 'evidence': return cmd.number && cmd.url ? [textMessage(L.evidence.directOnly)] : [];
      // Reviewers may decide in the working group, as they may return there; the preparer's work is personal.
      case 'review': return officer && cmd.number ? d.typed.review(officerActor(officer, eventId), cmd.number, cmd.step) : [];
      case 'submit':
      case 'notApplicable':
      case 'removeEvidence': return cmd.number ? [textMessage(T.directOnly)] : [];
      // Someone's own list would show their work to the whole group: a hint instead of silence.
      case 'my': return [textMessage(T.myInGroup)];
      default: return [];
    }
  }

  /** Buttons an unlinked group member may press: the group lists' "more" and details, view-only. */
  async function groupViewer(reader: Actor, p: Postback): Promise<LineMessage[]> {
    try {
      if (p.a === 'more' && p.l === 'pending') return await d.views.pending(reader, p.o);
      if (p.a === 'more' && p.l === 'item' && p.n) return await d.views.itemDetail(reader, p.n, false, p.o);
      if (p.a === 'detail') return await d.views.singleDetail(reader, p.id, false);
      return [];
    } catch (e) {
      return errorText(d.m, e);
    }
  }

  async function answer(ev: HandledEvent, eventId: string): Promise<LineMessage[]> {
    const src = ev.source;
    if (src.type === 'room') return [];
    const userId = src.userId;
    switch (ev.type) {
      case 'message': {
        if (ev.message.type !== 'text' || !ev.message.text) return src.type === 'user' ? [textMessage(L.unknown)] : [];
        const t = stripMentions(ev.message.text, ev.message.mention?.mentionees);
        return src.type === 'user' ? direct(src.userId, parseCommand(t, { inGroup: false }), eventId) : group(src.groupId, userId, parseCommand(t, { inGroup: true }), eventId);
      }
      case 'postback': {
        const p = decodePostback(ev.postback.data);
        if (!p) return [textMessage(L.actions.badButton)];
        const g = src.type === 'group' ? await d.repo.activeGroup(src.groupId) : undefined;
        if (src.type === 'group' && !g) return [];
        const officer = await officerOf(userId, g?.orgId);
        if (!officer) return g ? groupViewer(groupActor(g.orgId, g.groupId), p) : [textMessage(L.help.unlinked)];
        return d.actions.postback(officerActor(officer, eventId), p);
      }
      case 'follow': {
        if (src.type !== 'user') return [];
        await d.repo.setReachable(src.userId, true);
        const officer = await officerOf(src.userId);
        return officer ? [textMessage(L.greet.followLinked(officer.name)), textMessage(L.help.officer)] : [textMessage(L.greet.follow), textMessage(L.help.unlinked)];
      }
      case 'unfollow':
        // Blocked: reminders for this officer go to their supervisor until they follow again.
        if (src.type === 'user') await d.repo.setReachable(src.userId, false);
        return [];
      case 'join': {
        if (src.type !== 'group') return [];
        const g = await d.repo.activeGroup(src.groupId);
        return [textMessage(L.greet.join), textMessage(g ? L.help.group : L.help.unregisteredGroup)];
      }
      case 'leave':
        if (src.type === 'group') await d.repo.deactivateGroup(src.groupId);
        return [];
      case 'memberJoined': {
        if (src.type !== 'group') return [];
        return (await d.repo.activeGroup(src.groupId)) ? [textMessage(L.greet.memberJoined)] : [];
      }
    }
  }

  /** A typed link or group code is not kept in the inbox once handled (issue 10.9). */
  function redaction(ev: HandledEvent): string | undefined {
    if (ev.type !== 'message' || ev.message.type !== 'text' || !ev.message.text) return undefined;
    const cmd = parseCommand(stripMentions(ev.message.text, ev.message.mention?.mentionees), { inGroup: ev.source.type !== 'user' });
    if ((cmd.kind !== 'link' && cmd.kind !== 'register') || !cmd.code) return undefined;
    const t = ev.message.text;
    return t.includes(cmd.code) ? t.split(cmd.code).join(REDACTED) : `${t.split(/\s/)[0]} ${REDACTED}`;
  }

  /** The answer to one event, sent by the worker (webhook/inbox.worker.ts) after storing it. */
  return async function handle(job: InboxJob): Promise<InboxAnswer | void> {
    const parsed = handledEvent.safeParse(job.event);
    if (!parsed.success) return; // an event type the bot does not act on
    const ev = parsed.data;
    // A first attempt cannot have applied anything yet; a retry asks what its earlier attempts
    // committed (a crash after the effect, before the answer was stored) and says that instead.
    const applied = job.attempt > 1 ? await d.applied.forEvent(job.webhookEventId) : [];
    const messages = applied.length > 0 ? await d.replay(ev, applied) : await answer(ev, job.webhookEventId);
    const redact = redaction(ev);
    const src = ev.source;
    const to = src.type === 'user' ? src.userId : src.type === 'group' ? src.groupId : src.roomId;
    const conv: Conversation = { to, replyToken: ev.replyToken, eventTimestamp: ev.timestamp, eventKey: job.webhookEventId };
    // In a 1:1 chat with a linked officer, what is due to them today can go with the free reply.
    const user = src.type === 'user' ? src.userId : undefined;
    const officer = user && messages.length > 0 ? await officerOf(user) : undefined;
    const rider = user && officer ? { lineUserId: user, officerId: officer.id, orgId: officer.orgId, isAdmin: officer.isAdmin } : undefined;
    return { conv: { ...conv, orgId: officer?.orgId ?? null }, messages, ...(rider ? { rider } : {}), ...(redact ? { redact } : {}) };
  };
}
