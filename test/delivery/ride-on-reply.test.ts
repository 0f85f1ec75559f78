import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg } from '../helpers/seed.ts';
import { deliver, postbackEvent, startBot, textEvent, type BotContext } from '../line/helpers.ts';
import { item, lineId, orgSpec, outboxRows, WED_0900 } from '../reminders/fixtures/world.ts';

/**
 * Issue 12.3: replies are free, pushes are metered. When someone writes to the bot on a day they
 * have a reminder not yet sent, the reminder goes with the reply and the planned push is cancelled
 * (merged) in the same transaction as the answer is stored: it is never sent twice.
 */
describe('reminders ride on free replies', () => {
  let t: BotContext;
  let ids: number[];
  const SOMCHAI = lineId('rr-somchai');
  const WICHAI = lineId('rr-wichai');
  const pushes = () => t.standIn.delivered().filter((r) => r.path === '/v2/bot/message/push');

  beforeAll(async () => {
    t = await startBot({ now: WED_0900 });
    ids = (await seedOrg(t.container, orgSpec('rr', [item(1, '2025-01-16'), item(2, '2025-01-16')]))).assignmentIds;
    await t.container.reminders.planReminders(t.clock.now());
  });
  afterAll(() => t.close());

  it("sends today's unsent reminder with the reply to the person's message, and cancels its push", async () => {
    const planned = (await outboxRows(t, 'reminder')).filter((r) => r.recipient === SOMCHAI);
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((r) => r.status === 'pending')).toBe(true);
    t.standIn.reset();
    const sent = await deliver(t, textEvent(t, { userId: SOMCHAI }, 'ช่วยเหลือ'));
    expect(sent.map((r) => r.path)).toEqual(['/v2/bot/message/reply']);
    const reply = sent[0]!.body.messages;
    expect(reply.length).toBe(1 + planned.reduce((n, r) => n + (r.messages as unknown[]).length, 0));
    expect(JSON.stringify(reply)).toContain(JSON.stringify((planned[0]!.messages as unknown[])[0]));
    const after = (await outboxRows(t, 'reminder')).filter((r) => r.recipient === SOMCHAI);
    expect(after.map((r) => r.status)).toEqual(planned.map(() => 'merged'));
    expect(after[0]!.note).toContain('reply');
  });

  it('the sender then pushes nothing for them, and their next message gets only its answer', async () => {
    t.standIn.reset();
    await t.container.reminders.drain(() => t.clock.now());
    expect(pushes().filter((p) => p.body.to === SOMCHAI)).toEqual([]);
    const sent = await deliver(t, textEvent(t, { userId: SOMCHAI }, 'ช่วยเหลือ'));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.messages).toHaveLength(1);
  });

  it('someone with nothing due today gets the answer alone', async () => {
    const sent = await deliver(t, textEvent(t, { userId: WICHAI }, 'ช่วยเหลือ'));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.messages).toHaveLength(1);
  });

  it('a pressed button (a postback) carries the day’s unsent reminder the same way', async () => {
    t.clock.set('2025-01-16T02:00:00Z'); // Thursday 09:00: the items are due today
    await t.container.reminders.planReminders(t.clock.now());
    const planned = (await outboxRows(t, 'reminder')).filter((r) => r.recipient === SOMCHAI && r.status === 'pending');
    expect(planned.length).toBeGreaterThan(0);
    const sent = await deliver(t, postbackEvent(t, { userId: SOMCHAI }, `a=detail&id=${ids[0]}`));
    expect(sent.map((r) => r.path)).toEqual(['/v2/bot/message/reply']);
    expect(JSON.stringify(sent[0]!.body.messages)).toContain(JSON.stringify((planned[0]!.messages as unknown[])[0]));
    const after = (await outboxRows(t, 'reminder')).filter((r) => planned.some((p) => p.id === r.id));
    expect(after.map((r) => r.status)).toEqual(planned.map(() => 'merged'));
  });
});
