import type { Clock } from '../../shared/clock.ts';
import { errors, isAppError } from '../../shared/errors.ts';
import { isLoopback } from '../../shared/loopback.ts';
import type { Actor } from '../auth/actor.ts';
import type { IdTokenVerifier } from '../auth/id-token.ts';
import type { Officer, Organization, OrgRepository } from '../org/org.repository.ts';

export type OfficerActor = Extract<Actor, { kind: 'officer' }>;
export type LiffSession = { actor: OfficerActor; officer: Officer; org: Organization };

type Deps = {
  /** Absent when no LIFF app is configured (LINE_LOGIN_CHANNEL_ID unset). */
  verifier?: IdTokenVerifier;
  officers: Pick<OrgRepository, 'officerByLineUser'>;
  /** Offline mode only: `dev:<LINE user id>` from this machine stands in for an ID token. */
  devTokens: boolean;
  clock: Clock;
};

/** Tokens LINE refused, per client address and minute, before we stop asking LINE for that address. */
const MAX_REFUSED_PER_MINUTE = 30;

const DEV_TOKEN = /^dev:(U[0-9a-zA-Z]{10,60})$/;

/**
 * Who is calling the LIFF API: the LINE user the ID token was issued to (verified with LINE,
 * never a user id the client sends), mapped to the officer linked to that LINE account.
 */
export function createLiffAuth({ verifier, officers, devTokens, clock }: Deps) {
  // Made-up tokens each cost a request to LINE: an address that keeps sending them is held back.
  const refused = new Map<string, { minute: number; count: number }>();
  function holdBack(address: string) {
    const minute = Math.floor(clock.now().getTime() / 60_000);
    const r = refused.get(address);
    if (r && r.minute === minute && r.count >= MAX_REFUSED_PER_MINUTE) throw errors.rateLimited(60 - Math.floor((clock.now().getTime() / 1000) % 60));
  }
  function noteRefused(address: string) {
    const minute = Math.floor(clock.now().getTime() / 60_000);
    const r = refused.get(address);
    if (refused.size > 10_000) refused.clear();
    refused.set(address, r && r.minute === minute ? { minute, count: r.count + 1 } : { minute, count: 1 });
  }

  async function lineUserOf(authorization: string | undefined, remoteAddress: string | undefined): Promise<string> {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!m) throw errors.invalidIdToken();
    const token = m[1]!;
    const dev = DEV_TOKEN.exec(token);
    if (dev) {
      // Like the simulator: only without LINE credentials, and only from the machine itself.
      if (devTokens && isLoopback(remoteAddress)) return dev[1]!;
      throw errors.invalidIdToken();
    }
    if (!verifier) throw devTokens ? errors.invalidIdToken() : errors.liffNotConfigured();
    const address = remoteAddress ?? '';
    holdBack(address);
    try {
      return (await verifier.verify(token)).sub;
    } catch (e) {
      if (isAppError(e) && e.code === 'INVALID_ID_TOKEN') noteRefused(address);
      throw e;
    }
  }

  return {
    async authenticate(authorization: string | undefined, remoteAddress: string | undefined): Promise<LiffSession> {
      const lineUserId = await lineUserOf(authorization, remoteAddress);
      const found = await officers.officerByLineUser(lineUserId);
      if (!found) throw errors.notLinked();
      const { officer, org } = found;
      return { actor: { kind: 'officer', orgId: org.id, officerId: officer.id, isAdmin: officer.isAdmin }, officer, org };
    },
  };
}

export type LiffAuth = ReturnType<typeof createLiffAuth>;
