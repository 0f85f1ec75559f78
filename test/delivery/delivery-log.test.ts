import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msg } from '../../src/messages/index.ts';
import { deliveriesReport, notifyTest } from '../../src/modules/delivery/delivery.cli.ts';
import { createDeliveryRepository } from '../../src/modules/delivery/delivery.repository.ts';
import { seedOrg } from '../helpers/seed.ts';
import { createWorld, item, lineId, orgSpec, outboxRows, type World } from '../reminders/fixtures/world.ts';

const m = msg('th');

/** The delivery log (CLI `deliveries`, GET /api/v1/deliveries), `notify test`, and our own budget running out. */
describe('the delivery log and the test message', () => {
  let w: World;
  let token: string;
  let otherToken: string;
  beforeAll(async () => {
    w = await createWorld({ env: { LINE_MONTHLY_MESSAGE_BUDGET: '4' } });
    const people = Array.from({ length: 6 }, (_, i) => ({ name: `นางคนที่ ${i} ทดสอบ`, unit: 'กองแผน', lineUserId: lineId(`dl-${i}`) }));
    const spec = orgSpec('dl', people.map((p, i) => item(i + 1, '2025-01-16', { preparer: p.name })));
    const a = await seedOrg(w.container, { ...spec, officers: [...spec.officers, ...people] });
    const b = await seedOrg(w.container, orgSpec('other', [item(1, '2025-01-16')]));
    token = (await w.container.auth.createToken(a.org.id)).token;
    otherToken = (await w.container.auth.createToken(b.org.id)).token;
  });
  afterAll(() => w.close());

  it('a budget of 4 makes the planner cut back, records what it dropped, and the sender stops at 4', async () => {
    const plan = await w.container.reminders.planReminders(w.clock.now());
    expect(plan.budget!.level).not.toBe('full');
    const r = await w.container.reminders.drain(() => w.clock.now());
    expect(w.standIn.usage()).toBeLessThanOrEqual(4);
    expect(r.sent).toBeLessThanOrEqual(4);
    const rows = await outboxRows(w);
    expect(rows.filter((x) => x.status === 'dropped').length).toBeGreaterThan(0);
  });

  it('our own budget spent: the sender holds the rest until the 1st instead of sending past it', async () => {
    // As if the forecast had said everything fits (it cannot know about every submit to come).
    w.clock.set('2025-01-16T02:00:00Z');
    await createDeliveryRepository(w.container.database.db).save({ month: '2025-01', level: 'full', forecastAt: w.clock.now() });
    await w.container.reminders.planReminders(w.clock.now());
    const r = await w.container.reminders.drain(() => w.clock.now());
    expect(r.hold).toMatchObject({ reason: 'budget' });
    expect(r.held).toBeGreaterThan(0);
    expect(w.standIn.usage()).toBeLessThanOrEqual(4);
    const held = (await outboxRows(w)).filter((x) => x.note === 'held: monthly message budget spent');
    expect(held.length).toBe(r.held);
  });

  it('`deliveries` lists every planned message with its kind, recipient, cost, status and why', async () => {
    const text = await deliveriesReport(w.container, m, { orgSlug: 'dl' });
    expect(text).toContain('บันทึกการส่งข้อความของ Org dl');
    expect(text).toMatch(/ส่งแล้ว \d+/);
    expect(text).toMatch(/ไม่ส่ง \(งบข้อความ\) \d+/);
    // The why in Thai (the log keeps the planner's own words, `--lang en` shows them).
    expect(text).toContain('ไม่ส่ง: งบข้อความ (ระดับ');
    expect(text).toContain('พักไว้: ใช้งบข้อความของเดือนครบแล้ว');
    expect(text).not.toMatch(/held:|dropped:/);
    expect(await deliveriesReport(w.container, msg('en'), { orgSlug: 'dl' })).toContain('held: monthly message budget spent');
    expect(text).toContain('นางคนที่ 0 ทดสอบ');
    const dropped = await deliveriesReport(w.container, m, { orgSlug: 'dl', status: ['dropped'] });
    expect(dropped).not.toContain('· พักไว้');
  });

  it('the admin API gives the same log, filtered, for the token’s organization only', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/v1/deliveries?status=dropped,sent&since=2025-01-01', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.rows.every((r: { status: string }) => ['dropped', 'sent'].includes(r.status))).toBe(true);
    expect(body.rows[0]).toMatchObject({ kind: expect.any(String), recipient: expect.stringMatching(/^U/), cost: 1 });
    expect(body.totals.dropped.n).toBeGreaterThan(0);
    const other = (await w.app.inject({ method: 'GET', url: '/api/v1/deliveries', headers: { authorization: `Bearer ${otherToken}` } })).json();
    const dlRecipients = new Set([...Array(6).keys()].map((i) => lineId(`dl-${i}`)));
    expect(other.rows.filter((r: { recipient: string }) => dlRecipients.has(r.recipient))).toEqual([]);
    expect(other.rows.map((r: { name: string }) => r.name)).not.toContain('นางคนที่ 0 ทดสอบ');
    const bad = await w.app.inject({ method: 'GET', url: '/api/v1/deliveries?status=lost', headers: { authorization: `Bearer ${token}` } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('`notify test` while pushes are held says so and sends nothing', async () => {
    const before = w.standIn.delivered().length;
    const r = await notifyTest(w.container, m, { orgSlug: 'dl', officerName: 'นายสมชาย ใจดี' });
    expect(r.ok).toBe(false);
    expect(r.text).toContain('หยุดส่งชั่วคราว');
    expect(w.standIn.delivered().length).toBe(before);
  });

  it('`notify test` sends one message through LINE and says LINE accepted it', async () => {
    await w.container.delivery.resume(w.clock.now());
    w.standIn.setUsage(0);
    w.standIn.reset();
    const other = await createWorld();
    try {
      await seedOrg(other.container, orgSpec('nt', []));
      const r = await notifyTest(other.container, m, { orgSlug: 'nt', officerName: 'สมชาย ใจดี' });
      expect(r).toEqual({ ok: true, text: expect.stringContaining('LINE รับข้อความไว้') });
      const sent = other.standIn.delivered().filter((d) => d.path.endsWith('/push'));
      expect(sent).toHaveLength(1);
      expect(sent[0]!.body.to).toBe(lineId('nt-somchai'));
      expect(sent[0]!.retryKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(sent[0]!.body.messages[0].text).toContain('ข้อความทดสอบ');
      const [row] = await outboxRows(other, 'test');
      expect(row).toMatchObject({ status: 'sent', cost: 1, recipient: lineId('nt-somchai') });
      // An officer without LINE gets a clear error, nothing is written.
      await expect(notifyTest(other.container, m, { orgSlug: 'nt', officerName: 'นางมาลี มีสุข' })).rejects.toMatchObject({ code: 'OFFICER_NOT_ON_LINE' });
      expect(await outboxRows(other, 'test')).toHaveLength(1);
      other.standIn.blockUser(lineId('nt-wichai'));
      const failed = await notifyTest(other.container, m, { orgSlug: 'nt', officerName: 'นายวิชัย คุมงาน' });
      expect(failed.ok).toBe(false);
      expect(failed.text).toContain('ไม่สำเร็จ');
      expect(failed.text).toContain('LINE API 400');
    } finally {
      await other.close();
    }
  });
});
