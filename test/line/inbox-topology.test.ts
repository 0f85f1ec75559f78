import { eq } from 'drizzle-orm';
import { setTimeout as wait } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineInbox, lineInboxRequests } from '../../src/db/schema.ts';
import { post, PREPARER, seedPhatthalung, startBot, textEvent, textsOf, type BotContext } from './helpers.ts';

/** Issue 12.6: webhook-only instances (INBOX_WORKER_ENABLED=false) store and acknowledge; worker instances answer. */
describe('a webhook-only instance', () => {
  let t: BotContext;
  beforeAll(async () => {
    t = await startBot({ env: { INBOX_WORKER_ENABLED: 'false' } });
    await seedPhatthalung(t);
  });
  afterAll(() => t.close());

  it('stores the event and answers 200 without processing it; a worker on the same database then answers it', async () => {
    const e = textEvent(t, { userId: PREPARER }, 'งานของฉัน');
    const body = JSON.stringify({ destination: 'Ubot', events: [e] });
    expect((await post(t, body)).statusCode).toBe(200);
    await wait(300); // a kicked worker would have split and claimed it by now
    // Stored as it came (one row, the signed text), not yet split into events.
    const requests = await t.container.database.db.select().from(lineInboxRequests);
    expect(requests.map((r) => [r.body, r.events, JSON.parse(r.keys)])).toEqual([[body, 1, [e.webhookEventId]]]);
    expect(await t.container.database.db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, e.webhookEventId))).toEqual([]);
    expect(t.standIn.delivered()).toEqual([]);
    // What a worker instance's poll does:
    expect(await t.container.lineBot.worker.processPending()).toBe(1);
    expect(textsOf(t.standIn.delivered())).toContain('งานของฉัน');
    expect(await t.container.database.db.select().from(lineInboxRequests)).toEqual([]);
    const [row] = await t.container.database.db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, e.webhookEventId));
    expect([row!.status, row!.attempts, row!.destination]).toEqual(['done', 1, 'Ubot']);
  });
});
