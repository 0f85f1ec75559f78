import { createHash } from 'node:crypto';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';

/** What the LIFF API needs from a verified LINE ID token. */
export type VerifiedIdToken = { sub: string; name?: string; expiresAt: Date };

export type IdTokenVerifier = { verify(idToken: string): Promise<VerifiedIdToken> };

const ISSUER = 'https://access.line.me';
/** Accepted difference between our clock and LINE's. */
const CLOCK_SKEW_MS = 60_000;
/** A verified token is trusted this long at most, even if it lives longer (LINE's last 60 min). */
const CACHE_MS = 10 * 60_000;
const CACHE_MAX_ENTRIES = 20_000;
const VERIFY_TIMEOUT_MS = 5_000;
/** A JWT: three base64url parts. Anything else never reaches LINE. */
const JWT_SHAPE = /^[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{10,2000}$/;
const LINE_USER_ID = /^U[0-9a-f]{32}$/;

type Deps = {
  /** LINE_API_BASE_URL (https://api.line.me, or the local stand-in in tests). */
  apiBaseUrl: string;
  /** LINE_LOGIN_CHANNEL_ID: the token's audience must be this channel. */
  channelId: string;
  clock: Clock;
  fetch?: typeof fetch;
};

/**
 * Verifies LIFF ID tokens with LINE (https://developers.line.biz/en/reference/line-login/#verify-id-token:
 * POST /oauth2/v2.1/verify, form id_token + client_id), then checks iss, aud and exp ourselves.
 * A verified token is cached by its SHA-256 until it expires (at most 10 minutes), so a page
 * opening several API calls at once costs LINE one request; concurrent verifications of the same
 * token share one request. The token itself is never logged or stored.
 */
export function createIdTokenVerifier({ apiBaseUrl, channelId, clock, fetch: doFetch = fetch }: Deps): IdTokenVerifier {
  const url = `${apiBaseUrl.replace(/\/+$/, '')}/oauth2/v2.1/verify`;
  const cache = new Map<string, VerifiedIdToken & { trustUntil: number }>();
  const inFlight = new Map<string, Promise<VerifiedIdToken>>();

  function remember(key: string, v: VerifiedIdToken) {
    if (cache.size >= CACHE_MAX_ENTRIES) {
      const now = clock.now().getTime();
      for (const [k, e] of cache) if (e.trustUntil < now) cache.delete(k);
      // Still full: drop the oldest entries (Map iterates in insertion order).
      for (const k of cache.keys()) {
        if (cache.size < CACHE_MAX_ENTRIES) break;
        cache.delete(k);
      }
    }
    cache.set(key, { ...v, trustUntil: Math.min(v.expiresAt.getTime(), clock.now().getTime() + CACHE_MS) });
  }

  async function askLine(idToken: string): Promise<VerifiedIdToken> {
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id_token: idToken, client_id: channelId }).toString(),
        signal: AbortSignal.timeout(VERIFY_TIMEOUT_MS),
      });
    } catch {
      throw errors.lineUnavailable();
    }
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.status === 400 || res.status === 401) {
      // LINE answers 400 {"error":"invalid_request","error_description":"IdToken expired."} for an old token.
      throw /expired/i.test(String(body.error_description ?? '')) ? errors.idTokenExpired() : errors.invalidIdToken();
    }
    if (!res.ok) throw errors.lineUnavailable();
    if (body.iss !== ISSUER || String(body.aud) !== channelId) throw errors.invalidIdToken();
    if (typeof body.sub !== 'string' || !LINE_USER_ID.test(body.sub) || typeof body.exp !== 'number') throw errors.invalidIdToken();
    const expiresAt = new Date(body.exp * 1000);
    if (clock.now().getTime() > expiresAt.getTime() + CLOCK_SKEW_MS) throw errors.idTokenExpired();
    return { sub: body.sub, name: typeof body.name === 'string' ? body.name : undefined, expiresAt };
  }

  return {
    async verify(idToken: string): Promise<VerifiedIdToken> {
      if (!JWT_SHAPE.test(idToken)) throw errors.invalidIdToken();
      const key = createHash('sha256').update(idToken).digest('hex');
      const now = clock.now().getTime();
      const hit = cache.get(key);
      if (hit) {
        if (now > hit.expiresAt.getTime() + CLOCK_SKEW_MS) {
          cache.delete(key);
          throw errors.idTokenExpired();
        }
        if (now <= hit.trustUntil) return hit;
        cache.delete(key);
      }
      const pending = inFlight.get(key);
      if (pending) return pending;
      const p = askLine(idToken)
        .then((v) => {
          remember(key, v);
          return v;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, p);
      return p;
    },
  };
}
