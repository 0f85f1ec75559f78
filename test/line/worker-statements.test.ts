import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg } from '../helpers/seed.ts';
import { post, startBot, textEvent, textsOf, uid, type BotContext } from './helpers.ts';

/**
 * Issue 12.6: handling an event must stay cheap. The inbox worker loads every sender's officer
 * of a batch in one statement (and group and cycle once per batch), shares the batch's assignment
 * reads between its events (batch-reads.ts), writes the whole batch's answers and done-marks in
 * one statement each, and the message log in group commits. These budgets count every SQL
 * statement the processing makes (the webhook's own insert excluded), so a regression, like a
 * lookup or a write per event creeping back, fails here.
 */
describe('statements per handled event', () => {
  let t: BotContext;
  const statements: string[] = [];
  let counting = false;
  const USERS = 10;
  const PER_USER = 6;

  beforeAll(async () => {
    t = await startBot({ onQuery: (q) => { if (counting) statements.push(q); } });
    await seedOrg(t.container, {
      slug: 'stmt',
      units: ['กองแผน'],
      officers: Array.from({ length: USERS }, (_, i) => ({ name: `นายคนที่ ${i} ทดสอบ`, unit: 'กองแผน', lineUserId: uid(900 + i) })),
      assignments: [1, 2, 3].map((item) => ({ item, unit: 'กองแผน', due: '2025-03-31', people: [['นายคนที่ 0 ทดสอบ', 'preparer'] as [string, 'preparer']] })),
    });
  });
  afterAll(() => t.close());

  /** Stores the events through the webhook, then counts what processing them takes. */
  async function measure(texts: string[]) {
    const events = Array.from({ length: USERS }, (_, u) => texts.map((text) => textEvent(t, { userId: uid(900 + u) }, text))).flat();
    statements.length = 0;
    counting = true; // the webhook kicks the worker at once: count from before the request
    const res = await post(t, JSON.stringify({ destination: 'Ubot', events }));
    expect(res.statusCode).toBe(200);
    await t.container.lineBot.worker.processPending();
    counting = false;
    const webhookInsert = statements.findIndex((q) => q.includes('insert into line_inbox_request'));
    expect(webhookInsert).toBeGreaterThanOrEqual(0);
    statements.splice(webhookInsert, 1);
    const replies = t.standIn.delivered().filter((r) => r.path.endsWith('/reply'));
    const senderLookups = statements.filter((q) => q.startsWith('select "officers"')).length;
    return { perEvent: statements.length / events.length, replies: replies.length, events: events.length, senderLookups };
  }

  it('a help or unknown text from a linked officer: well under one statement per event', async () => {
    t.standIn.reset();
    const r = await measure(Array.from({ length: PER_USER }, (_, i) => (i % 2 ? 'ช่วยเหลือ' : 'สวัสดีครับ')));
    expect(r.replies).toBe(r.events); // every event answered, each by one reply
    // 60 events from 10 people in one batch: the split of the stored request into events, the
    // claim, the riders' question, the senders' officers, the answers stored, the done-mark, the
    // message log's group commits and the closing split and empty claim: 10 to 12 statements (before: 3 per source, 0.7 per event; earlier 4 or
    // more per event). One more statement per source (10) or per event (60) fails here.
    expect(r.perEvent).toBeLessThanOrEqual(0.2);
    expect(r.senderLookups).toBe(1);
  });

  it('"งานของฉัน" (a list read from the database): only the statements the list needs', async () => {
    t.standIn.reset();
    const r = await measure(Array.from({ length: PER_USER }, () => 'งานของฉัน'));
    expect(r.replies).toBe(r.events);
    // Each officer's list once (10), officer 0's cards once (people, evidence counts, review
    // setting: 3), plus the batch's statements above: 21 to 23 (before the batch shared its
    // reads: 87 to 89, 1.45 per event). One more per source (10) fails here.
    expect(r.perEvent).toBeLessThanOrEqual(0.4);
    expect(r.senderLookups).toBe(1);
  });

  it('"O1" from everyone (an item detail): the item is read once for the whole batch', async () => {
    t.standIn.reset();
    const r = await measure(Array.from({ length: PER_USER }, () => 'O1'));
    expect(r.replies).toBe(r.events);
    // The item's assignments, their people, evidence and catalog item, the review setting: 5
    // for the 60 events, plus the batch's statements: 13 to 15 (before: 9 per event). One more
    // per source (10) fails here.
    expect(r.perEvent).toBeLessThanOrEqual(0.3);
  });

  it('an event that changes an item is seen by the next event of the batch, though reads are shared', async () => {
    t.standIn.reset();
    const me = { userId: uid(900) };
    const events = [textEvent(t, me, 'O2'), textEvent(t, me, 'ลิงก์ O2 https://stmt.go.th/ita/o2'), textEvent(t, me, 'O2'), textEvent(t, { userId: uid(901) }, 'O2')];
    const res = await post(t, JSON.stringify({ destination: 'Ubot', events }));
    expect(res.statusCode).toBe(200);
    await t.container.lineBot.worker.processPending();
    const replies = t.standIn.delivered().filter((r) => r.path.endsWith('/reply'));
    const to = (token: string) => textsOf(replies.filter((q) => q.body.replyToken === token));
    expect(to(events[0]!.replyToken)).not.toContain('https://stmt.go.th/ita/o2');
    expect(to(events[2]!.replyToken)).toContain('https://stmt.go.th/ita/o2');
  });
});
