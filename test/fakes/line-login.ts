import { randomBytes } from 'node:crypto';

/**
 * LINE Login's ID token verification, as the local LINE stand-in serves it
 * (https://developers.line.biz/en/reference/line-login/#verify-id-token): POST /oauth2/v2.1/verify
 * with a form `id_token` + `client_id`. Tokens are issued here by tests (opaque JWT-shaped
 * strings) and answered as LINE does: the payload for a live token of that channel, 400
 * `IdToken expired.` after `exp`, 400 for an unknown token or another channel's.
 */
export type IssuedIdToken = { sub: string; aud: string; exp: number; iat: number; name?: string; iss?: string };

export type LineLoginStandIn = {
  /** A token for `sub`, valid `ttlSeconds` from the stand-in's clock (default 1 hour, like LIFF's). */
  issueIdToken(v: { sub: string; aud: string; ttlSeconds?: number; name?: string; iss?: string }): string;
  /** How many verification requests reached the stand-in, per token. */
  verifications(token?: string): number;
  /** Serves the verify endpoint; false when the request is not for it. */
  handle(path: string, method: string, contentType: string | undefined, raw: string): { status: number; body: unknown } | null;
};

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export function createLineLoginStandIn(now: () => number = Date.now): LineLoginStandIn {
  const issued = new Map<string, IssuedIdToken>();
  const calls = new Map<string, number>();
  let total = 0;
  return {
    issueIdToken({ sub, aud, ttlSeconds = 3600, name, iss = 'https://access.line.me' }) {
      const iat = Math.floor(now() / 1000);
      const payload: IssuedIdToken = { sub, aud, exp: iat + ttlSeconds, iat, name, iss };
      const token = `${b64({ typ: 'JWT', alg: 'ES256', kid: 'standin' })}.${b64({ ...payload, nonce: randomBytes(6).toString('hex') })}.${randomBytes(32).toString('base64url')}`;
      issued.set(token, payload);
      return token;
    },
    verifications: (token) => (token === undefined ? total : calls.get(token) ?? 0),
    handle(path, method, contentType, raw) {
      if (path !== '/oauth2/v2.1/verify') return null;
      if (method !== 'POST' || !contentType?.startsWith('application/x-www-form-urlencoded')) {
        return { status: 400, body: { error: 'invalid_request', error_description: 'Invalid Content-Type' } };
      }
      const form = new URLSearchParams(raw);
      const token = form.get('id_token') ?? '';
      total += 1;
      calls.set(token, (calls.get(token) ?? 0) + 1);
      const t = issued.get(token);
      if (!form.get('client_id')) return { status: 400, body: { error: 'invalid_request', error_description: 'Required client_id' } };
      if (!t) return { status: 400, body: { error: 'invalid_request', error_description: 'Invalid IdToken.' } };
      if (t.aud !== form.get('client_id')) return { status: 400, body: { error: 'invalid_request', error_description: 'Invalid IdToken Audience.' } };
      if (now() / 1000 > t.exp) return { status: 400, body: { error: 'invalid_request', error_description: 'IdToken expired.' } };
      return { status: 200, body: { iss: t.iss, sub: t.sub, aud: t.aud, exp: t.exp, iat: t.iat, amr: ['linesso'], ...(t.name ? { name: t.name } : {}) } };
    },
  };
}
