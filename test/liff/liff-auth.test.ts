import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, CHANNEL_ID, OTHER_ORG, PREPARER, startLiff, UNLINKED, type LiffContext } from './helpers.ts';

let t: LiffContext;
beforeAll(async () => {
  t = await startLiff();
});
afterAll(async () => t.close());

const code = (res: { json(): any }) => res.json().error?.code;

describe('LIFF API sign-in: the ID token, verified with LINE', () => {
  it('a valid token of a linked officer opens /me', async () => {
    const res = await api(t, 'GET', '/me', t.token(PREPARER));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ officer: { name: 'นางสาวผู้จัดทำ ทดสอบ' }, organization: { slug: 'pt' }, roles: { preparer: true, admin: false } });
  });

  it('no token, a malformed one or one LINE does not know is 401 INVALID_ID_TOKEN, in Thai', async () => {
    const before = t.standIn.login.verifications();
    for (const bearer of [null, 'not-a-jwt', 'dev:' + PREPARER]) {
      const res = await api(t, 'GET', '/me', bearer);
      expect(res.statusCode).toBe(401);
      expect(code(res)).toBe('INVALID_ID_TOKEN');
      expect(res.json().error.message).toContain('กรุณาเข้าสู่ระบบใหม่');
    }
    // Nothing that is not shaped like a JWT reaches LINE; development tokens are refused online.
    expect(t.standIn.login.verifications()).toBe(before);
    const forged = 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJVMTIzNDU2Nzg5MCJ9.c2lnbmF0dXJlLW5vdC1pc3N1ZWQtYnktbGluZQ';
    expect(code(await api(t, 'GET', '/me', forged))).toBe('INVALID_ID_TOKEN');
  });

  it('a token issued to another LINE Login channel (wrong audience) is refused', async () => {
    const foreign = t.standIn.login.issueIdToken({ sub: PREPARER, aud: '1999999999' });
    const res = await api(t, 'GET', '/me', foreign);
    expect([res.statusCode, code(res)]).toEqual([401, 'INVALID_ID_TOKEN']);
  });

  it('an expired token is 401 ID_TOKEN_EXPIRED, so the page logs in again', async () => {
    const old = t.token(PREPARER, 60);
    t.clock.advance(5 * 60_000);
    const res = await api(t, 'GET', '/me', old);
    expect([res.statusCode, code(res)]).toEqual([401, 'ID_TOKEN_EXPIRED']);
    expect(res.json().error.message).toContain('หมดอายุ');
  });

  it('a verified LINE user who is not linked to an officer gets 403 NOT_LINKED with how to link', async () => {
    const res = await api(t, 'GET', '/me', t.token(UNLINKED));
    expect([res.statusCode, code(res)]).toEqual([403, 'NOT_LINKED']);
    expect(res.json().error.message).toContain('ผูกบัญชี <รหัส>');
  });

  it('a cached token is not verified with LINE twice, even for requests made at once', async () => {
    const token = t.token(PREPARER);
    await Promise.all([api(t, 'GET', '/me', token), api(t, 'GET', '/items', token), api(t, 'GET', '/items?filter=all', token)]);
    await api(t, 'GET', '/me', token);
    expect(t.standIn.login.verifications(token)).toBe(1);
  });

  it('a cached token is trusted for ten minutes at most, then verified again', async () => {
    const token = t.token(PREPARER, 3600);
    await api(t, 'GET', '/me', token);
    t.clock.advance(11 * 60_000);
    expect((await api(t, 'GET', '/me', token)).statusCode).toBe(200);
    expect(t.standIn.login.verifications(token)).toBe(2);
  });

  it('a cached token used after its expiry is refused without asking LINE', async () => {
    const token = t.token(PREPARER, 120);
    expect((await api(t, 'GET', '/me', token)).statusCode).toBe(200);
    t.clock.advance(4 * 60_000);
    const res = await api(t, 'GET', '/me', token);
    expect(code(res)).toBe('ID_TOKEN_EXPIRED');
    expect(t.standIn.login.verifications(token)).toBe(1);
  });

  it('answers in English when the page prefers it', async () => {
    const res = await api(t, 'GET', '/me', null, undefined, { 'accept-language': 'en-US,en;q=0.9' });
    expect(res.json().error.message).toMatch(/sign in again/);
  });

  it('a linked officer of another organization sees only their own organization', async () => {
    const res = await api(t, 'GET', '/me', t.token(OTHER_ORG));
    expect(res.json().organization.slug).toBe('other');
  });

  it('LINE being unreachable is a 503 to retry, not a sign-in failure', async () => {
    const token = t.token(PREPARER);
    t.standIn.failNext(1, { status: 500, paths: /oauth2/ });
    const res = await api(t, 'GET', '/me', token);
    expect([res.statusCode, code(res)]).toEqual([503, 'LINE_UNAVAILABLE']);
    expect((await api(t, 'GET', '/me', token)).statusCode).toBe(200);
  });

  it('the audience is LINE_LOGIN_CHANNEL_ID, required with LIFF_ID', async () => {
    const { loadConfig } = await import('../../src/config.ts');
    expect(() => loadConfig({ LIFF_ID: '2000000001-x' })).toThrow(/LINE_LOGIN_CHANNEL_ID/);
    expect(loadConfig({ LIFF_ID: '2000000001-x', LINE_LOGIN_CHANNEL_ID: CHANNEL_ID }).line.loginChannelId).toBe(CHANNEL_ID);
  });
});
