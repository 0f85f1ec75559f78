import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/auth/actor.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';

/** The admin's toolbox beyond corrections: tokens, holidays, the policy in force. Admins only, one organization. */
let t: TestContext;
let a: Awaited<ReturnType<typeof seedOrg>>;
let b: Awaited<ReturnType<typeof seedOrg>>;
const admin = (org: typeof a): Actor => ({ kind: 'admin', orgId: org.org.id, ref: 'test' });
const get = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/officers', headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  t = await createTestContext({ env: { HOLIDAYS: '2025-01-01' } });
  a = await seedOrg(t.container, { slug: 'ta', units: ['กองแผน'], officers: [{ name: 'นายทดสอบ ระบบ' }], assignments: [] });
  b = await seedOrg(t.container, { slug: 'tb', units: ['กองแผน'], officers: [{ name: 'นายทดสอบ ระบบ' }], assignments: [] });
});
afterAll(() => t.close());

describe('admin API tokens', () => {
  it('lists the organization’s tokens without the secret, and a revoked token stops working at once', async () => {
    const one = await t.container.auth.createToken(a.org.id, 'สคริปต์รายงาน');
    const other = await t.container.auth.createToken(b.org.id);
    expect((await get(one.token)).statusCode).toBe(200);
    const list = await t.container.auth.listTokens(admin(a));
    expect(list).toEqual([expect.objectContaining({ id: one.id, label: 'สคริปต์รายงาน', revokedAt: null })]);
    expect(JSON.stringify(list)).not.toContain(one.token);
    // Another organization's token is not theirs to revoke.
    await expect(t.container.auth.revokeToken(admin(a), other.id, t.clock.now())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await get(other.token)).statusCode).toBe(200);
    await t.container.auth.revokeToken(admin(a), one.id, t.clock.now());
    expect((await get(one.token)).statusCode).toBe(401);
    expect((await t.container.auth.listTokens(admin(a)))[0]!.revokedAt).not.toBeNull();
  });
});

describe('holidays and the reminder policy in force', () => {
  it('lists the organization’s holidays with everyone’s, and removes only its own', async () => {
    await t.container.reminders.addHoliday(admin(a), '13/04/2568', 'สงกรานต์');
    await t.container.reminders.addHoliday(admin(b), '14/04/2568', 'สงกรานต์');
    expect(await t.container.reminders.holidays(admin(a))).toEqual([
      { date: '2025-01-01', name: '', everyone: true },
      { date: '2025-04-13', name: 'สงกรานต์', everyone: false },
    ]);
    await expect(t.container.reminders.removeHoliday(admin(a), '14/04/2568')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.container.reminders.removeHoliday(admin(a), 'พรุ่งนี้')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await t.container.reminders.removeHoliday(admin(a), '2025-04-13')).toEqual({ date: '2025-04-13', name: 'สงกรานต์' });
    expect((await t.container.reminders.holidays(admin(a))).map((h) => h.date)).toEqual(['2025-01-01']);
    expect((await t.container.reminders.holidays(admin(b))).map((h) => h.date)).toEqual(['2025-01-01', '2025-04-14']);
  });

  it('shows the configuration merged with the organization’s override', async () => {
    const before = await t.container.reminders.policyOf(admin(a), null);
    await t.container.reminders.setPolicy(admin(a), null, { overdueRepeatCap: 2 });
    expect(await t.container.reminders.policyOf(admin(a), null)).toEqual({ ...before, overdueRepeatCap: 2 });
    expect((await t.container.reminders.policyOf(admin(b), null)).overdueRepeatCap).toBe(before.overdueRepeatCap);
  });

  it('is for admins only', async () => {
    const officer: Actor = { kind: 'officer', orgId: a.org.id, officerId: a.officerIds.get('นายทดสอบ ระบบ')!, isAdmin: false };
    await expect(t.container.auth.listTokens(officer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.container.reminders.holidays(officer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.container.reminders.policyOf(officer, null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.container.reminders.removeHoliday(officer, '2025-01-01')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
