import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, PREPARER, startLiff, SUPERVISOR, type LiffContext } from './helpers.ts';

let t: LiffContext;
beforeAll(async () => {
  t = await startLiff({ env: { LIFF_RATE_LIMIT_PER_MINUTE: '10' } });
});
afterAll(async () => t.close());

describe('the LIFF API is rate-limited per user', () => {
  it('the 11th request within a minute is a 429 in Thai, and other users are not affected', async () => {
    const mine = t.token(PREPARER);
    for (let i = 0; i < 10; i++) expect((await api(t, 'GET', '/me', mine)).statusCode).toBe(200);
    const limited = await api(t, 'GET', '/me', mine);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.json().error.message).toContain('วินาที');
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await api(t, 'GET', '/me', t.token(SUPERVISOR))).statusCode).toBe(200);
  });

  it('a flood of made-up tokens is limited before it reaches LINE', async () => {
    const before = t.standIn.login.verifications();
    const forged = 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJVMTIzNDU2Nzg5MCJ9.c2lnbmF0dXJlLW5vdC1pc3N1ZWQtYnktbGluZQ';
    const codes = [];
    for (let i = 0; i < 15; i++) codes.push((await api(t, 'GET', '/me', forged)).statusCode);
    expect(codes.filter((c) => c === 429).length).toBe(5);
    expect(t.standIn.login.verifications() - before).toBe(10);
  });

  it('an address sending many different made-up tokens stops reaching LINE after 30 a minute', async () => {
    t.clock.advance(60_000);
    const before = t.standIn.login.verifications();
    const codes: number[] = [];
    for (let i = 0; i < 35; i++) {
      const forged = `eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJVMTIzNDU2Nzg5MCJ9.${Buffer.from(`forged-signature-${i}`).toString('base64url')}`;
      codes.push((await api(t, 'GET', '/me', forged)).statusCode);
    }
    expect(codes.filter((c) => c === 401).length).toBe(30);
    expect(codes.slice(30)).toEqual([429, 429, 429, 429, 429]);
    expect(t.standIn.login.verifications() - before).toBe(30);
    // A real user from the same address keeps working: their token was verified before, or is verified when the minute turns.
    t.clock.advance(60_000);
    expect((await api(t, 'GET', '/me', t.token(PREPARER))).statusCode).toBe(200);
  });
});
