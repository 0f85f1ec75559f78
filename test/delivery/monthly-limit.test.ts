import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg } from '../helpers/seed.ts';
import { post, sign, textEvent, textsOf, type BotContext } from '../line/helpers.ts';
import { createWorld, item, lineId, orgSpec, outboxRows, type World } from '../reminders/fixtures/world.ts';

const HOLD_END = '2025-01-31T17:00:00.000Z'; // 1 February 2025, 00:00 in Bangkok

/**
 * LINE's "You have reached your monthly limit." 429 is not a rate limit (issue 12.4): pushes stop
 * for the rest of the month (rows held, not retried in a loop, not expired silently), the admins
 * are told once through channels that still work, and sending resumes on the 1st.
 */
describe("LINE's monthly limit", () => {
  let w: World;
  const pushes = () => w.standIn.requests.filter((r) => r.path === '/v2/bot/message/push');
  beforeAll(async () => {
    w = await createWorld();
    const people = Array.from({ length: 8 }, (_, i) => ({ name: `นายคนที่ ${i} ทดสอบ`, unit: 'กองแผน', lineUserId: lineId(`ml-${i}`) }));
    const spec = orgSpec('ml', [...people.map((p, i) => item(i + 1, '2025-01-16', { preparer: p.name })), item(9, '2025-02-04', { preparer: people[0]!.name })]);
    await seedOrg(w.container, { ...spec, officers: [...spec.officers, ...people] });
    // The plan allows 1,000; we read that, then something else (the OA Manager) spends all but 2.
    w.standIn.setQuota(1_000);
    await w.container.delivery.refresh(w.clock.now());
    w.standIn.setUsage(998);
  });
  afterAll(() => w.close());

  it('holds every unsent row until the 1st after the first monthly-limit 429, trying each at most once', async () => {
    await w.container.reminders.planReminders(w.clock.now());
    const planned = await outboxRows(w, 'reminder');
    expect(planned).toHaveLength(8);
    const r = await w.container.reminders.drain(() => w.clock.now());
    expect(r.sent).toBe(2);
    expect(r.held).toBe(6);
    expect(r.hold).toMatchObject({ reason: 'monthly_limit' });
    expect(r.hold!.until.toISOString()).toBe(HOLD_END);
    const rows = await outboxRows(w, 'reminder');
    const held = rows.filter((x) => x.status === 'pending');
    expect(held).toHaveLength(6);
    for (const x of held) {
      expect(x.note).toBe("held: LINE's monthly limit reached");
      expect(x.nextAttemptAt.toISOString()).toBe(HOLD_END);
      expect(x.attempts).toBe(0); // a hold is not a failed attempt
    }
    const perRow = new Map<string, number>();
    for (const p of pushes()) perRow.set(p.retryKey!, (perRow.get(p.retryKey!) ?? 0) + 1);
    expect([...perRow.values()].every((n) => n === 1)).toBe(true);
  });

  it('sends nothing more this month, however often the sender runs, and never expires the held rows silently', async () => {
    const before = pushes().length;
    for (const hours of [1, 5, 24]) {
      w.clock.set(new Date(Date.parse('2025-01-15T02:00:00Z') + hours * 3_600_000));
      const r = await w.container.reminders.drain(() => w.clock.now());
      expect(r).toMatchObject({ claimed: 0, sent: 0, expired: 0 });
    }
    expect(pushes().length).toBe(before);
    expect((await outboxRows(w, 'reminder')).filter((x) => x.status === 'expired')).toEqual([]);
  });

  it('is said once in the log, and on /healthz while it lasts', async () => {
    expect(w.printed.filter((l) => l.includes('pushes held until'))).toHaveLength(1);
    expect(w.printed.find((l) => l.includes('pushes held until'))).toContain('You have reached your monthly limit.');
    const body = (await w.app.inject({ method: 'GET', url: '/healthz' })).json();
    expect(body.status).toBe('degraded');
    expect(body.delivery.held).toMatchObject({ reason: 'monthly_limit', until: HOLD_END });
  });

  it('tells an organization admin once, in the reply to their next message (replies still go)', async () => {
    const bot = w as unknown as BotContext; // the webhook of this world (its channel secret is 'x')
    const say = async () => {
      const body = JSON.stringify({ destination: 'Ubot', events: [textEvent(bot, { userId: lineId('ml-anan') }, 'ช่วยเหลือ')] });
      w.standIn.reset();
      expect((await post(bot, body, sign(body, 'x'))).statusCode).toBe(200);
      await w.container.lineBot.worker.processPending();
      return textsOf(w.standIn.delivered().filter((r) => r.path === '/v2/bot/message/reply'));
    };
    const first = await say();
    expect(first).toContain('แจ้งผู้ดูแล: บัญชี LINE ของหน่วยงานส่งข้อความครบโควตาของเดือนนี้แล้ว');
    expect(first).toContain('จะส่งต่อเองอัตโนมัติ');
    expect(await say()).not.toContain('แจ้งผู้ดูแล:');
  });

  it("an ordinary rate-limit 429 is not the monthly limit: it backs off and retries, nothing is held", async () => {
    const other = await createWorld();
    try {
      await seedOrg(other.container, orgSpec('rl', [item(1, '2025-01-16')]));
      await other.container.reminders.planReminders(other.clock.now());
      other.standIn.failNext(1, { status: 429, retryAfterSeconds: 30, paths: /push/ });
      const r = await other.container.reminders.drain(() => other.clock.now());
      expect(r).toMatchObject({ retried: 1, held: 0 });
      expect(r.hold).toBeUndefined();
      expect((await other.container.delivery.status(other.clock.now())).held).toBeNull();
    } finally {
      await other.close();
    }
  });

  it('resumes on the 1st: what belonged to January expires, reported to the admin once; February goes', async () => {
    w.standIn.setUsage(0); // LINE's new month
    w.clock.set('2025-02-03T02:00:00Z'); // Monday 3 February, 09:00
    const r = await w.container.reminders.drain(() => w.clock.now());
    expect(r.expired).toBe(6);
    expect(w.printed.some((l) => l.includes('pushes resume'))).toBe(true);
    const alert = (await outboxRows(w, 'admin_alert')).find((a) => a.localDate === '2025-02-03')!;
    expect(alert.recipient).toBe(lineId('ml-anan'));
    expect(alert.status).toBe('sent');
    expect(JSON.stringify(alert.messages)).toContain('6 รายการ');
    const january = (await outboxRows(w, 'reminder')).filter((x) => x.localDate === '2025-01-15');
    expect(january.filter((x) => x.status === 'expired').every((x) => x.note!.includes("held: LINE's monthly limit reached"))).toBe(true);
    expect((await w.container.delivery.status(w.clock.now())).held).toBeNull();
    // February's reminder (an item due tomorrow) goes out normally.
    await w.container.reminders.planReminders(w.clock.now());
    const feb = await w.container.reminders.drain(() => w.clock.now());
    expect(feb).toMatchObject({ sent: 1, held: 0 });
  });
});
