import { randomBytes, randomUUID } from 'node:crypto';
import { formatThaiDateTime } from '../../shared/thai-date.ts';
import type { Container } from '../../container.ts';
import { errors } from '../../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { createSimulatorRepository } from './simulator.repository.ts';

export type SimEvent =
  | { type: 'text'; text: string }
  | { type: 'postback'; data: string }
  | { type: 'follow' | 'unfollow' | 'join' | 'leave' | 'memberJoined' };

/**
 * Simulated LINE ids look like LINE's (U/C + 32 hex) with a marker so they are easy to spot; real
 * ids are hex only, so `Usim…` is never one (forgetSimulatedIds clears them when going online).
 */
/** Codes made for trying things out: short-lived, so one noted down cannot be used once the bot is live. */
export const SIM_CODE_TTL_DAYS = 1 / 24;

const simId = (prefix: 'U' | 'C') => `${prefix}sim${randomBytes(16).toString('hex')}`;

/**
 * Offline mode only: act as any officer or group. Events go into the same inbox and through the
 * same processing as webhook events; the answers are read back from line_message_log.
 */
export type SimulatorDeps = Pick<Container, 'database' | 'clock' | 'orgRepo' | 'lineBot'>;

export function createSimulator(c: SimulatorDeps) {
  const repo = createSimulatorRepository(c.database.db);
  const bot = c.lineBot;

  /** Codes are issued as the organization's admin (audited as the simulator). */
  async function simAdmin(orgSlug: string): Promise<Actor> {
    const org = await c.orgRepo.bySlug(orgSlug);
    if (!org) throw errors.notFound('organization', orgSlug);
    return { kind: 'admin', orgId: org.id, ref: 'simulator' };
  }

  return {
    async directory() {
      const orgs = await repo.orgs();
      return Promise.all(orgs.map(async (o) => ({
        ...o,
        officers: (await c.orgRepo.officers(o.id)).filter((x) => x.active).map((x) => ({ id: x.id, name: x.name, position: x.position, lineUserId: x.lineUserId, isAdmin: x.isAdmin, reachable: x.reachable })),
        groups: (await bot.linkingRepo.groups(o.id)).map((g) => ({ groupId: g.groupId, name: g.name, active: g.active })),
      })));
    },

    /** "Who am I": the officer's LINE id, a synthetic one given (dev only) when they have none. */
    async actAs(orgId: number, officerId: number): Promise<{ lineUserId: string }> {
      const officer = await c.orgRepo.officer(orgId, officerId);
      if (!officer) throw errors.notFound('officer', officerId);
      if (officer.lineUserId) return { lineUserId: officer.lineUserId };
      const lineUserId = simId('U');
      await bot.linkingRepo.setOfficerLineUser(c.database.db, orgId, officerId, lineUserId);
      return { lineUserId };
    },

    /** A stranger (not linked to anyone), to try linking with a code. */
    newUser: () => ({ lineUserId: simId('U') }),

    /** A new LINE group: registered to the organization right away, or left unregistered to try `ลงทะเบียน`. */
    async newGroup(orgId: number | null, name: string | null): Promise<{ groupId: string }> {
      const groupId = simId('C');
      if (orgId !== null) {
        if (!(await c.orgRepo.byId(orgId))) throw errors.notFound('organization', orgId);
        await bot.linkingRepo.upsertGroup(c.database.db, { orgId, groupId, name, at: c.clock.now() });
      }
      return { groupId };
    },

    /** Feeds one event through the inbox, processes it, and returns what the bot sent to that chat. */
    async send(from: { userId: string; groupId?: string }, e: SimEvent) {
      const to = from.groupId ?? from.userId;
      const after = await repo.lastMessageId();
      const source = from.groupId ? { type: 'group', groupId: from.groupId, userId: from.userId } : { type: 'user', userId: from.userId };
      const event: Record<string, unknown> = {
        type: e.type === 'text' ? 'message' : e.type,
        webhookEventId: `sim-${randomUUID()}`,
        timestamp: c.clock.now().getTime(),
        source,
        mode: 'active',
        deliveryContext: { isRedelivery: false },
      };
      if (e.type !== 'unfollow' && e.type !== 'leave') event.replyToken = randomBytes(16).toString('hex');
      if (e.type === 'text') event.message = { type: 'text', id: String(Date.now()), text: e.text };
      if (e.type === 'postback') event.postback = { data: e.data };
      if (e.type === 'memberJoined') event.joined = { members: [{ type: 'user', userId: from.userId }] };
      await bot.inbox.insert([{ webhookEventId: event.webhookEventId as string, destination: 'simulator', event }], c.clock.now());
      await bot.worker.processPending();
      return { to, messages: await repo.messages(to, after) };
    },

    messages: (to: string, afterId: number) => repo.messages(to, afterId),
    // The page shows the expiry as the server formats every date (พ.ศ., Asia/Bangkok).
    async linkCode(orgSlug: string, officerName: string) {
      const r = await bot.linking.issueOfficerCode(await simAdmin(orgSlug), officerName, SIM_CODE_TTL_DAYS);
      return { ...r, expiresAtText: formatThaiDateTime(r.expiresAt) };
    },
    async groupCode(orgSlug: string) {
      const r = await bot.linking.issueGroupCode(await simAdmin(orgSlug), SIM_CODE_TTL_DAYS);
      return { ...r, expiresAtText: formatThaiDateTime(r.expiresAt) };
    },
  };
}
