import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineGroups } from '../../src/db/schema.ts';
import { msg } from '../../src/messages/index.ts';
import { quotaReport } from '../../src/modules/delivery/delivery.cli.ts';
import { seedOrg } from '../helpers/seed.ts';
import { createWorld, item, orgSpec, outboxRows, type World } from '../reminders/fixtures/world.ts';

const GROUP = 'C0123456789abcdef0123456789abcdef';

/** Quota and consumption through the SDK, what a push costs, and where the budget is shown. */
describe('the month’s LINE message budget', () => {
  let w: World;
  let orgId: number;
  let token: string;
  beforeAll(async () => {
    w = await createWorld();
    const s = await seedOrg(w.container, orgSpec('quota', [item(1, '2025-01-16'), item(2, '2025-01-10'), item(3, '2025-01-24')]));
    orgId = s.org.id;
    await w.container.database.db.insert(lineGroups).values({ orgId, groupId: GROUP, name: 'คณะทำงาน ITA', dailySummary: true, registeredAt: new Date() });
    w.standIn.setGroupMembers(GROUP, 12);
    token = (await w.container.auth.createToken(orgId)).token;
  });
  afterAll(() => w.close());

  it("reads the plan's quota and this month's consumption from LINE through the SDK", async () => {
    w.standIn.setQuota(15_000);
    w.standIn.setUsage(4_321);
    const s = await w.container.delivery.refresh(w.clock.now(), { forecast: true });
    const paths = w.standIn.requests.map((r) => r.path);
    expect(paths).toContain('/v2/bot/message/quota');
    expect(paths).toContain('/v2/bot/message/quota/consumption');
    expect(s.line).toMatchObject({ limit: 15_000, used: 4_321 });
    expect(s).toMatchObject({ budget: 15_000, used: 4_321, remaining: 10_679, level: 'full', held: null, degraded: false });
    expect(s.forecast!.full).toBeGreaterThan(0);
  });

  it('counts a group by its members (getGroupMemberCount): a summary pushed to it costs 12', async () => {
    expect(w.standIn.requests.some((r) => r.path === `/v2/bot/group/${GROUP}/members/count`)).toBe(true);
    const before = w.standIn.usage();
    await w.container.reminders.planSummaries(w.clock.now());
    const rows = await outboxRows(w, 'summary');
    expect(rows.find((r) => r.recipient === GROUP)!.cost).toBe(12);
    expect(rows.filter((r) => r.recipient !== GROUP).every((r) => r.cost === 1)).toBe(true);
    await w.container.reminders.drain(() => w.clock.now());
    expect(w.standIn.usage() - before).toBe(12 + rows.length - 1);
    // LINE read before these pushes, plus what we sent since: no second reading needed.
    const s = await w.container.delivery.status(w.clock.now());
    expect(s.used).toBe(4_321 + 12 + rows.length - 1);
  });

  it('LINE_MONTHLY_MESSAGE_BUDGET sets a budget below the quota, and /healthz says when it will run out before month end', async () => {
    const small = await createWorld({ env: { LINE_MONTHLY_MESSAGE_BUDGET: '3' } });
    try {
      await seedOrg(small.container, orgSpec('small', [item(1, '2025-01-16'), item(2, '2025-01-10'), item(3, '2025-01-17')]));
      small.standIn.setQuota(15_000);
      const s = await small.container.delivery.refresh(small.clock.now());
      expect(s.budget).toBe(3);
      expect(s.forecast!.full).toBeGreaterThan(3);
      expect(s.level).not.toBe('full');
      const res = await small.app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200); // this instance is fine; delivery is what is degraded
      const body = res.json();
      expect(body.status).toBe('degraded');
      expect(body.delivery).toMatchObject({ status: 'degraded', budget: 3, level: s.level });
      expect(body.delivery.forecast.runsOutOn).toMatch(/^2025-01-\d\d$/);
    } finally {
      await small.close();
    }
  });

  it('/healthz is ok while the month fits', async () => {
    const body = (await w.app.inject({ method: 'GET', url: '/healthz' })).json();
    expect(body.status).toBe('ok');
    expect(body.delivery).toMatchObject({ status: 'ok', budget: 15_000, held: null });
  });

  it('`quota` prints used, remaining and the forecast by kind and by organization', async () => {
    const text = await quotaReport(w.container, msg('th'), { orgSlug: 'quota' });
    expect(text).toContain('โควตาของบัญชี LINE: 15,000');
    expect(text).toMatch(/เหลือ [\d,]+/);
    expect(text).toContain('แยกตามประเภท');
    expect(text).toMatch(/summary\s+[\d,]+ →/);
    expect(text).toMatch(/quota\s+[\d,]+ →/);
  });

  it('the admin API shows the same, with this organization’s share only', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/v1/delivery', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ budget: 15_000, level: 'full', held: null });
    expect(body.forecast.byOrg).toBeUndefined();
    expect(body.organization.forecast.full).toBeGreaterThan(0);
    expect(body.organization.month.sent.n).toBeGreaterThan(0);
    expect((await w.app.inject({ method: 'GET', url: '/api/v1/delivery' })).statusCode).toBe(401);
  });

  it('a LINE outage while reading the quota keeps the last reading instead of assuming more', async () => {
    const last = (await w.container.delivery.status(w.clock.now())).line!;
    w.standIn.setQuota(1_000_000); // would be more, if we could read it
    w.standIn.failNext(2, { status: 503, paths: /quota/ });
    const s = await w.container.delivery.refresh(w.clock.now());
    expect(s.budget).toBe(15_000);
    expect(s.line).toEqual(last);
  });
});
