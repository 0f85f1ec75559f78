import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msg } from '../../src/messages/index.ts';
import type { InboxHealth } from '../../src/modules/line/webhook/inbox.health.ts';
import { inboxReport } from '../../src/modules/line/webhook/inbox.report.ts';
import { post, PREPARER, startBot, textEvent, uid, type BotContext } from './helpers.ts';

// A webhook-only instance (its requests wait until something processes them), degraded after 60 s.
let t: BotContext;
beforeAll(async () => {
  t = await startBot({ env: { INBOX_WORKER_ENABLED: 'false', INBOX_STALE_SECONDS: '60' } });
});
afterAll(() => t.close());

const health = async () => {
  const r = await t.app.inject({ method: 'GET', url: '/healthz' });
  expect(r.statusCode).toBe(200); // degraded inbox or not, the instance itself serves
  return r.json() as { status: string; inbox: InboxHealth };
};
const body = (...events: object[]) => JSON.stringify({ destination: 'Ubot', events });

describe('/healthz inbox', () => {
  it('says ok with nothing waiting', async () => {
    const h = await health();
    expect(h.status).toBe('ok');
    expect(h.inbox).toMatchObject({ status: 'ok', reasons: [], waitingEvents: 0, unsplitRequests: 0, oldestWaitingSeconds: null, setAsideRequests: 0, failedEventsLast24h: 0, staleAfterSeconds: 60, workerHere: false });
  });

  it('counts acknowledged events nobody has answered, and turns degraded once the oldest has waited past INBOX_STALE_SECONDS, until they are handled', async () => {
    const events = ['help', 'งานของฉัน', 'O1'].map((text) => textEvent(t, { userId: PREPARER }, text));
    expect((await post(t, body(...events))).statusCode).toBe(200);
    t.clock.advance(30_000);
    expect((await post(t, body(textEvent(t, { userId: uid(77) }, 'hi')))).statusCode).toBe(200);
    let h = await health();
    expect(h.inbox).toMatchObject({ status: 'ok', waitingEvents: 4, unsplitRequests: 2, oldestWaitingSeconds: 30 });

    t.clock.advance(31_000);
    h = await health();
    expect(h.status).toBe('degraded');
    expect(h.inbox).toMatchObject({ status: 'degraded', reasons: ['stale'], waitingEvents: 4, oldestWaitingSeconds: 61 });

    // Split into events, still unanswered: still waiting, still as old.
    await t.container.lineBot.inbox.expand(100, t.clock.now());
    h = await health();
    expect(h.inbox).toMatchObject({ status: 'degraded', waitingEvents: 4, unsplitRequests: 0, oldestWaitingSeconds: 61 });

    await t.container.lineBot.worker.processPending();
    h = await health();
    expect(h.status).toBe('ok');
    expect(h.inbox).toMatchObject({ status: 'ok', reasons: [], waitingEvents: 0, oldestWaitingSeconds: null });
  });

  it('counts events that failed for good in the last 24 hours without degrading, then forgets them', async () => {
    const e = textEvent(t, { userId: uid(78) }, 'x');
    await t.container.lineBot.inbox.insertRows([{ webhookEventId: e.webhookEventId, destination: 'Ubot', event: e, at: t.clock.now() }]);
    const [row] = await t.container.lineBot.inbox.claim(t.clock.now(), 60_000, 10);
    await t.container.lineBot.inbox.markFailed(row!, t.clock.now(), 'LINE refused');
    let h = await health();
    expect(h.inbox).toMatchObject({ status: 'ok', failedEventsLast24h: 1, waitingEvents: 0 });
    t.clock.advance(86_400_000 + 1_000);
    h = await health();
    expect(h.inbox.failedEventsLast24h).toBe(0);
  });

  it('turns degraded while a stored request that could not be split is kept aside', async () => {
    const bad = textEvent(t, { userId: uid(79) }, 'words \u0000'); // jsonb refuses the NUL: only the split fails
    await t.container.lineBot.inbox.insertRows([{ webhookEventId: bad.webhookEventId, destination: 'Ubot', event: bad, at: t.clock.now() }]);
    await t.container.lineBot.inbox.expand(100, t.clock.now());
    let h = await health();
    expect(h.inbox).toMatchObject({ status: 'degraded', reasons: ['set-aside'], setAsideRequests: 1, waitingEvents: 0 });
    // Past the retention period it is purged with the handled events, and the inbox is ok again.
    await t.container.lineBot.inbox.purge(new Date(t.clock.now().getTime() + 1), 100);
    h = await health();
    expect(h.inbox).toMatchObject({ status: 'ok', setAsideRequests: 0 });
  });

  it('stops counting past the cap it is given, so that a huge backlog costs a health check little', async () => {
    const events = [1, 2, 3].map((i) => textEvent(t, { userId: uid(80 + i) }, `n${i}`));
    await t.container.lineBot.inbox.insertRows(events.map((e) => ({ webhookEventId: e.webhookEventId, destination: 'Ubot', event: e, at: t.clock.now() })));
    const b = await t.container.lineBot.inbox.backlog(t.clock.now(), 1);
    expect(b.unsplitRequests).toBe(2); // "more than 1"
    await t.container.lineBot.worker.processPending();
    expect(await t.container.lineBot.inbox.backlog(t.clock.now(), 1)).toMatchObject({ unsplitRequests: 0, pendingEvents: 0, oldestWaitingAt: null });
  });
});

describe('inbox command text', () => {
  const degraded: InboxHealth = {
    status: 'degraded', reasons: ['stale', 'set-aside'], waitingEvents: 1234, unsplitRequests: 200, oldestWaitingSeconds: 200,
    setAsideRequests: 1, failedEventsLast24h: 2, capped: false, staleAfterSeconds: 120, workerHere: true,
  };

  it('tells an admin in Thai what waits, for how long, past which threshold, and what was set aside or failed', () => {
    const text = inboxReport(degraded, msg('th'));
    expect(text).toContain('ต้องตรวจสอบ');
    expect(text).toContain('รอคำตอบ 1,234 เหตุการณ์ (ในจำนวนนี้ 200 คำขอยังไม่ได้แยกเป็นเหตุการณ์)');
    expect(text).toContain('รายการที่รอนานที่สุด: 3 นาที 20 วินาที');
    expect(text).toContain('เกินเกณฑ์ 2 นาที (INBOX_STALE_SECONDS)');
    expect(text).toContain('ถูกเก็บแยกไว้ (ไม่สูญหาย) 1 คำขอ');
    expect(text).toContain('ใน 24 ชั่วโมงที่ผ่านมา: 2');
  });

  it('says plainly when nothing waits, in English too', () => {
    const ok: InboxHealth = { ...degraded, status: 'ok', reasons: [], waitingEvents: 0, unsplitRequests: 0, oldestWaitingSeconds: null, setAsideRequests: 0, failedEventsLast24h: 0 };
    expect(inboxReport(ok, msg('th'))).toBe('เหตุการณ์จาก LINE: ปกติ\n  ไม่มีข้อความค้างรอคำตอบ');
    expect(inboxReport({ ...degraded, capped: true }, msg('en'))).toContain('1,234 or more event(s) waiting for an answer');
  });
});
