import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evidenceLinks, lineInbox } from '../../src/db/schema.ts';
import { LEASE_MS } from '../../src/modules/line/webhook/inbox.worker.ts';
import { deliver, PREPARER, PREPARER_B, seedPhatthalung, startBot, textEvent, textsOf, type BotContext } from '../line/helpers.ts';

/**
 * Issue 10.3: a worker that dies while an answer is in flight. The answer is stored before it is
 * sent; a retry sends that stored answer (the command is not run again) and never pushes a reply
 * that may have gone. The rows a dead worker claimed go to another within seconds.
 */
let t: BotContext;
let o2: number;
const row = async (id: string) => (await t.container.database.db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, id)))[0]!;

beforeAll(async () => {
  t = await startBot();
  o2 = (await seedPhatthalung(t)).assignmentIds[1]!;
});
afterAll(() => t.close());
beforeEach(() => t.standIn.reset());

describe('a worker dying mid-answer', () => {
  it('after the reply went but before the row was marked done: the retry sends nothing more and adds the evidence once', async () => {
    const e = textEvent(t, { userId: PREPARER }, 'ลิงก์ O2 https://pt.go.th/ita/o2-crash');
    // What a kill -9 right after LINE took the reply leaves: the answer stored and its reply
    // started, the row still pending (the done-mark never ran), its lease running out.
    const inbox = t.container.lineBot.inbox;
    const markDone = inbox.markDone;
    inbox.markDone = async () => { throw new Error('killed before the done-mark'); };
    try {
      await expect(deliver(t, e)).rejects.toThrow('killed before the done-mark');
    } finally {
      inbox.markDone = markDone;
    }
    expect(textsOf(t.standIn.delivered())).toContain('แนบลิงก์หลักฐาน O2 แล้ว');
    const crashed = await row(e.webhookEventId);
    expect([crashed.status, crashed.answer === null, crashed.replyStartedAt === null]).toEqual(['pending', false, false]);
    t.clock.advance(LEASE_MS + 1);
    const before = t.standIn.requests.length; // not reset(): the stand-in must remember the used token
    expect(await t.container.lineBot.worker.processPending()).toBe(1);
    // The stored answer was offered as a reply again (LINE refuses the used token), never pushed.
    const retry = t.standIn.requests.slice(before);
    expect(retry.map((r) => r.path)).toEqual(['/v2/bot/message/reply']);
    expect(retry.filter((r) => (r as { accepted?: boolean }).accepted)).toEqual([]);
    expect((await row(e.webhookEventId)).status).toBe('done');
    const links = await t.container.database.db.select().from(evidenceLinks).where(eq(evidenceLinks.assignmentId, o2));
    expect(links.filter((l) => l.url === 'https://pt.go.th/ita/o2-crash')).toHaveLength(1);
  });

  it("a dead worker's claimed rows are answered by another within the short lease, not after a minute", async () => {
    const events = [textEvent(t, { userId: PREPARER }, 'ช่วยเหลือ'), textEvent(t, { userId: PREPARER_B }, 'ช่วยเหลือ')];
    // Stored as the webhook stores them; then a worker claims both and dies (kill -9).
    await t.container.lineBot.inbox.insert(events.map((e) => ({ webhookEventId: e.webhookEventId, destination: 'Ubot', event: e })), t.clock.now());
    expect(await t.container.lineBot.inbox.claim(t.clock.now(), LEASE_MS, 10)).toHaveLength(2);
    expect(await t.container.lineBot.worker.processPending()).toBe(0);
    expect(LEASE_MS).toBeLessThanOrEqual(15_000);
    t.clock.advance(LEASE_MS + 1);
    await t.container.lineBot.worker.processPending();
    for (const e of events) expect((await row(e.webhookEventId)).status).toBe('done');
    // Still within the reply token's life: both answered by (free) replies.
    expect(t.standIn.delivered().map((r) => r.path)).toEqual(['/v2/bot/message/reply', '/v2/bot/message/reply']);
  });
});
