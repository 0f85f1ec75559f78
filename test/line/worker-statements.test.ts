import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg } from '../helpers/seed.ts';
import { post, startBot, textEvent, uid, type BotContext } from './helpers.ts';

/**
 * Issue 12.6: handling an event must stay cheap. The inbox worker loads the sender's officer,
 * group and cycle once per batch and source, writes each source group's answers and done-marks
 * in one statement each, and the message log in group commits. These budgets count every SQL
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
    const webhookInsert = statements.findIndex((q) => q.includes('insert into line_inbox'));
    expect(webhookInsert).toBeGreaterThanOrEqual(0);
    statements.splice(webhookInsert, 1);
    const replies = t.standIn.delivered().filter((r) => r.path.endsWith('/reply'));
    return { perEvent: statements.length / events.length, replies: replies.length, events: events.length };
  }

  it('a help or unknown text from a linked officer: well under one statement per event', async () => {
    t.standIn.reset();
    const r = await measure(Array.from({ length: PER_USER }, (_, i) => (i % 2 ? 'ช่วยเหลือ' : 'สวัสดีครับ')));
    expect(r.replies).toBe(r.events); // every event answered, each by one reply
    // Per source group of 6: the officer once, the answers stored once, the done-mark once; per
    // batch: the claim, the riders' question, the message log (before: 4 or more per event).
    expect(r.perEvent).toBeLessThanOrEqual(0.8);
  });

  it('"งานของฉัน" (a list read from the database): only the statements the list needs', async () => {
    t.standIn.reset();
    const r = await measure(Array.from({ length: PER_USER }, () => 'งานของฉัน'));
    expect(r.replies).toBe(r.events);
    // The list itself (officer 0's cards: people and evidence counts for the page at once, not a detail per card).
    expect(r.perEvent).toBeLessThanOrEqual(2.5);
  });
});
