import { createHash, randomInt } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../shared/clock.ts';
import { errors } from '../../../shared/errors.ts';
import { personKey, thaiDigitsToArabic } from '../../../shared/thai-text.ts';
import type { AuditLog } from '../../audit/audit.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCan } from '../../auth/permissions.ts';
import type { OrgRepository } from '../../org/org.repository.ts';
import type { LinkingRepository } from './linking.repository.ts';

/** No 0/O, 1/I/L: codes are read off a screen or a printout and typed on a phone. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
export const DEFAULT_CODE_TTL_DAYS = 7;
/** Wrong codes allowed per LINE user (and per group) in the window before further tries are refused. */
export const MAX_FAILED_ATTEMPTS = 5;
export const ATTEMPT_WINDOW_MS = 15 * 60_000;

export const normaliseCode = (raw: string): string => thaiDigitsToArabic(raw).toUpperCase().replace(/[^A-Z0-9]/g, '');
const hashCode = (code: string) => createHash('sha256').update(normaliseCode(code)).digest('hex');

function newCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

export type RedeemFailure = {
  ok: false;
  reason: 'invalid' | 'wrong_kind' | 'rate_limited' | 'line_taken' | 'other_org';
  minutes?: number;
  /** line_taken: the officer already linked to this LINE user; other_org: that officer's organization. */
  name?: string;
};

type Deps = { db: Db; repo: LinkingRepository; orgRepo: Pick<OrgRepository, 'officers' | 'officer' | 'byId'>; audit: Pick<AuditLog, 'record'>; clock: Clock };

export function createLinkingService({ db, repo, orgRepo, audit, clock }: Deps) {
  /** Codes are issued by an organization admin (the CLI, the simulator) for the actor's organization. */
  async function issue(actor: Actor, kind: 'officer' | 'group', officerName: string | null, ttlDays: number) {
    assertCan(actor, 'manage', { orgId: actor.orgId });
    if (!Number.isFinite(ttlDays) || ttlDays <= 0) throw errors.validation([{ path: 'ttlDays', message: '> 0' }]);
    let officerId: number | null = null;
    if (kind === 'officer') {
      const key = personKey(officerName ?? '');
      const officer = (await orgRepo.officers(actor.orgId)).find((o) => o.nameKey === key && o.active);
      if (!key || !officer) throw errors.notFound('officer', officerName ?? '');
      officerId = officer.id;
    }
    const now = clock.now();
    const code = newCode();
    const expiresAt = new Date(now.getTime() + Math.round(ttlDays * 86_400_000));
    await db.transaction(async (tx) => {
      if (officerId !== null) await repo.expireUnusedOfficerCodes(tx, actor.orgId, officerId, now);
      await repo.insertCode(tx, { orgId: actor.orgId, kind, officerId, codeHash: hashCode(code), expiresAt, createdAt: now });
      // The code itself is never stored or logged, only its hash.
      await audit.record(tx, actor, { action: `line.${kind}_code.issue`, entity: kind === 'officer' ? 'officer' : 'organization', entityId: officerId ?? actor.orgId, after: { expiresAt } });
    });
    return { code, expiresAt };
  }

  /** Refuses further tries once a source has too many recent failures; returns minutes left. */
  async function limited(sources: string[]): Promise<number | null> {
    const now = clock.now().getTime();
    for (const s of sources) {
      if ((await repo.failuresSince(s, new Date(now - ATTEMPT_WINDOW_MS))) >= MAX_FAILED_ATTEMPTS) return Math.ceil(ATTEMPT_WINDOW_MS / 60_000);
    }
    return null;
  }

  async function fail(sources: string[], reason: RedeemFailure['reason']): Promise<RedeemFailure> {
    for (const s of sources) await repo.recordFailure(s, clock.now());
    return { ok: false, reason };
  }

  /**
   * The code's row, or why not. `replay` is a code this same user/group already redeemed: an event
   * is retried when sending its answer failed (LINE 5xx), and must get the same answer again, not
   * "invalid" and a failed attempt.
   */
  async function find(sources: string[], raw: string, kind: 'officer' | 'group', usedBy: string) {
    const code = normaliseCode(raw);
    const row = code.length === CODE_LENGTH ? await repo.codeByHash(hashCode(code)) : undefined;
    if (row?.usedAt && row.usedBy === usedBy && row.kind === kind) return { ok: true as const, row, replay: true };
    const minutes = await limited(sources);
    if (minutes !== null) return { ok: false as const, reason: 'rate_limited' as const, minutes };
    if (!row || row.usedAt || row.expiresAt.getTime() <= clock.now().getTime()) return fail(sources, 'invalid');
    if (row.kind !== kind) return fail(sources, 'wrong_kind');
    return { ok: true as const, row, replay: false };
  }

  return {
    issueOfficerCode: (actor: Actor, officerName: string, ttlDays = DEFAULT_CODE_TTL_DAYS) => issue(actor, 'officer', officerName, ttlDays),
    issueGroupCode: (actor: Actor, ttlDays = DEFAULT_CODE_TTL_DAYS) => issue(actor, 'group', null, ttlDays),

    /**
     * One fresh code for each of these officers (a printed sheet for a whole agency), in one
     * transaction: all codes or none. Each officer's earlier unused codes stop working.
     */
    async issueOfficerCodes(actor: Actor, officerIds: readonly number[], ttlDays = DEFAULT_CODE_TTL_DAYS) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      if (!Number.isFinite(ttlDays) || ttlDays <= 0) throw errors.validation([{ path: 'ttlDays', message: '> 0' }]);
      const mine = new Set((await orgRepo.officers(actor.orgId)).filter((o) => o.active).map((o) => o.id));
      const stranger = officerIds.find((id) => !mine.has(id));
      if (stranger !== undefined) throw errors.notFound('officer', stranger);
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + Math.round(ttlDays * 86_400_000));
      const issued = officerIds.map((officerId) => ({ officerId, code: newCode(), expiresAt }));
      await db.transaction(async (tx) => {
        for (const c of issued) {
          await repo.expireUnusedOfficerCodes(tx, actor.orgId, c.officerId, now);
          await repo.insertCode(tx, { orgId: actor.orgId, kind: 'officer', officerId: c.officerId, codeHash: hashCode(c.code), expiresAt, createdAt: now });
          await audit.record(tx, actor, { action: 'line.officer_code.issue', entity: 'officer', entityId: c.officerId, after: { expiresAt, sheet: true } });
        }
      });
      return issued;
    },

    /**
     * `ผูกบัญชี <code>` in a 1:1 chat: this LINE user becomes the officer the code was issued for.
     * One LINE user acts in one organization only (events resolve the officer from the LINE id), so
     * a user linked elsewhere is refused until an admin unlinks them (unlinkOfficer).
     * `eventId`: the webhook event carrying the code; the redemption is keyed by it (audit.ts).
     */
    async redeemOfficerCode(lineUserId: string, raw: string, eventId?: string) {
      const found = await find([lineUserId], raw, 'officer', lineUserId);
      if (!found.ok) return found;
      const { row } = found;
      const officer = await orgRepo.officer(row.orgId, row.officerId!);
      const org = await orgRepo.byId(row.orgId);
      if (!officer || !org) return fail([lineUserId], 'invalid');
      const linked = { ok: true as const, officerName: officer.name, orgName: org.name };
      // A replay answers the same only while that link still stands (an admin may have unlinked since).
      if (found.replay) return officer.lineUserId === lineUserId ? linked : { ok: false as const, reason: 'invalid' as const };
      return db.transaction(async (tx) => {
        const elsewhere = await repo.linkInOtherOrg(tx, lineUserId, row.orgId);
        if (elsewhere) return { ok: false as const, reason: 'other_org' as const, name: elsewhere.orgName };
        const other = await repo.otherOfficerWithLine(tx, row.orgId, lineUserId, officer.id);
        if (other) return { ok: false as const, reason: 'line_taken' as const, name: other.name };
        if (!(await repo.consume(tx, row.id, lineUserId, clock.now()))) return { ok: false as const, reason: 'invalid' as const };
        await repo.setOfficerLineUser(tx, row.orgId, officer.id, lineUserId);
        await audit.record(tx, { kind: 'officer', orgId: row.orgId, officerId: officer.id, isAdmin: officer.isAdmin, eventId }, { action: 'line.link', entity: 'officer', entityId: officer.id });
        return linked;
      });
    },

    /** `ลงทะเบียน <code>` typed in a group: the group becomes the organization's working-group chat. */
    async redeemGroupCode(groupId: string, userId: string | undefined, raw: string, eventId?: string) {
      const sources = [groupId, ...(userId ? [userId] : [])];
      const found = await find(sources, raw, 'group', groupId);
      if (!found.ok) return found;
      const { row } = found;
      const org = await orgRepo.byId(row.orgId);
      if (!org) return fail(sources, 'invalid');
      const registered = { ok: true as const, orgName: org.name };
      if (found.replay) return (await repo.activeGroup(groupId))?.orgId === row.orgId ? registered : { ok: false as const, reason: 'invalid' as const };
      return db.transaction(async (tx) => {
        if (!(await repo.consume(tx, row.id, groupId, clock.now()))) return { ok: false as const, reason: 'invalid' as const };
        await repo.upsertGroup(tx, { orgId: row.orgId, groupId, name: null, at: clock.now() });
        await audit.record(tx, { orgId: row.orgId, ref: `line-group:${groupId}`, eventId }, { action: 'line.group.register', entity: 'organization', entityId: row.orgId, after: { groupId } });
        return registered;
      });
    },

    /** An admin clears an officer's LINE link (lost phone, moved to another organization). Idempotent. */
    async unlinkOfficer(actor: Actor, officerName: string) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const key = personKey(officerName);
      const officer = key ? (await orgRepo.officers(actor.orgId)).find((o) => o.nameKey === key) : undefined;
      if (!officer) throw errors.notFound('officer', officerName);
      return db.transaction(async (tx) => {
        const wasLinked = await repo.clearOfficerLineUser(tx, actor.orgId, officer.id);
        if (wasLinked) await audit.record(tx, actor, { action: 'line.unlink', entity: 'officer', entityId: officer.id });
        return { officerName: officer.name, wasLinked };
      });
    },

    /** Opts a registered group in or out of the organization-wide daily summary (admins only). */
    async setGroupDailySummary(actor: Actor, groupId: string, on: boolean): Promise<void> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      await db.transaction(async (tx) => {
        if (!(await repo.setGroupDailySummary(tx, actor.orgId, groupId, on))) throw errors.notFound('organization', groupId);
        await audit.record(tx, actor, { action: on ? 'line.group.daily_summary.on' : 'line.group.daily_summary.off', entity: 'line_group', entityId: groupId, after: { dailySummary: on } });
      });
    },
  };
}

export type LinkingService = ReturnType<typeof createLinkingService>;
