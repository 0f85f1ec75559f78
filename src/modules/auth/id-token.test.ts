import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { createIdTokenVerifier } from './id-token.ts';

const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJVMTIzIiwiYXVkIjoiMSJ9.c2lnbmF0dXJlc2lnbmF0dXJl';
const NOW = Date.parse('2025-01-15T03:00:00Z');
const SUB = `U${'a'.repeat(32)}`;

/** LINE's verify endpoint answering `body` (a stand-in for checks the real one would never fail). */
function verifierAnswering(body: Record<string, unknown>, status = 200) {
  const fetchImpl = (async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })) as typeof fetch;
  return createIdTokenVerifier({ apiBaseUrl: 'http://127.0.0.1:1', channelId: '2000000001', clock: fixedClock(new Date(NOW)), fetch: fetchImpl });
}
const payload = (over: Record<string, unknown> = {}) => ({ iss: 'https://access.line.me', sub: SUB, aud: '2000000001', exp: NOW / 1000 + 600, iat: NOW / 1000, ...over });
const failure = (p: Promise<unknown>) => p.then(() => 'ok', (e) => e.code);

describe('ID token verification checks what LINE answered, not only that it answered 200', () => {
  it('accepts the channel’s own token', async () => {
    expect(await verifierAnswering(payload()).verify(TOKEN)).toMatchObject({ sub: SUB });
  });
  it('refuses another audience, another issuer, a malformed subject', async () => {
    expect(await failure(verifierAnswering(payload({ aud: '1999999999' })).verify(TOKEN))).toBe('INVALID_ID_TOKEN');
    expect(await failure(verifierAnswering(payload({ iss: 'https://evil.example' })).verify(TOKEN))).toBe('INVALID_ID_TOKEN');
    expect(await failure(verifierAnswering(payload({ sub: 'Uabc' })).verify(TOKEN))).toBe('INVALID_ID_TOKEN');
  });
  it('refuses an expiry in the past beyond a minute of clock skew, and accepts within it', async () => {
    expect(await failure(verifierAnswering(payload({ exp: NOW / 1000 - 120 })).verify(TOKEN))).toBe('ID_TOKEN_EXPIRED');
    expect(await failure(verifierAnswering(payload({ exp: NOW / 1000 - 30 })).verify(TOKEN))).toBe('ok');
  });
  it('maps LINE’s "IdToken expired." to ID_TOKEN_EXPIRED and its 5xx to LINE_UNAVAILABLE', async () => {
    expect(await failure(verifierAnswering({ error: 'invalid_request', error_description: 'IdToken expired.' }, 400).verify(TOKEN))).toBe('ID_TOKEN_EXPIRED');
    expect(await failure(verifierAnswering({ error: 'invalid_request', error_description: 'Invalid IdToken.' }, 400).verify(TOKEN))).toBe('INVALID_ID_TOKEN');
    expect(await failure(verifierAnswering({}, 502).verify(TOKEN))).toBe('LINE_UNAVAILABLE');
  });
});
