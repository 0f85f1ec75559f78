import { eq } from 'drizzle-orm';
import { setTimeout as wait } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { lineInbox } from '../../src/db/schema.ts';
import { startInboxProcessing, type InboxProcessing } from '../../src/inbox-processing.ts';
import { onRealPostgres } from '../helpers/db.ts';
import { post, PREPARER, seedPhatthalung, startBot, textEvent, textsOf, type BotContext } from './helpers.ts';

/** Polls until `check` holds (at most 15 s): the thread works on its own clock. */
async function until(check: () => Promise<boolean> | boolean) {
  for (let i = 0; i < 300 && !(await check()); i++) await wait(50);
}

/** Issue 12.6: an all-in-one instance on PostgreSQL runs its inbox worker on a thread of its own. */
describe.skipIf(!onRealPostgres)('the inbox worker on its own thread (PostgreSQL)', () => {
  let t: BotContext;
  let processing: InboxProcessing;
  const logged: string[] = [];
  beforeAll(async () => {
    t = await startBot();
    await seedPhatthalung(t);
    // This instance's settings, on the test's database, as src/server.ts is given them.
    const url = (t.container.database as { url?: string }).url;
    const base = t.container.config;
    const config: Config = { ...base, database: { ...base.database, url }, inbox: { ...base.inbox, workerEnabled: true, workerThread: true } };
    processing = await startInboxProcessing({ worker: t.container.lineBot.worker, config, log: (m) => logged.push(m) });
  });
  afterAll(async () => {
    await processing?.stop();
    await t.close();
  });

  it('answers what the webhook stored, from the thread: nothing is processed on the main thread', async () => {
    expect(processing.where).toBe('own thread');
    const e = textEvent(t, { userId: PREPARER }, 'งานของฉัน');
    expect((await post(t, JSON.stringify({ destination: 'Ubot', events: [e] }))).statusCode).toBe(200);
    const row = async () => (await t.container.database.db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, e.webhookEventId)))[0];
    await until(async () => (await row())?.status === 'done');
    expect((await row())?.status).toBe('done');
    expect(textsOf(t.standIn.delivered())).toContain('งานของฉัน');
    expect(logged).toEqual([]);
  });

  it('answers events of several chats, each once', async () => {
    const users = ['U' + 'a'.repeat(32), 'U' + 'b'.repeat(32), PREPARER];
    const before = t.standIn.delivered().length;
    const events = users.map((u) => textEvent(t, { userId: u }, 'help'));
    expect((await post(t, JSON.stringify({ destination: 'Ubot', events }))).statusCode).toBe(200);
    await until(() => t.standIn.delivered().length >= before + users.length);
    await wait(300); // a second answer to any of them would have gone by now
    const replies = t.standIn.delivered().slice(before);
    expect(replies).toHaveLength(users.length);
    const done = await t.container.database.db.select().from(lineInbox).where(eq(lineInbox.status, 'done'));
    expect(done.filter((r) => events.some((e) => e.webhookEventId === r.webhookEventId))).toHaveLength(users.length);
  });

  it('stops: the thread finishes, and what arrives afterwards waits in the inbox for the next start', async () => {
    await processing.stop();
    const e = textEvent(t, { userId: PREPARER }, 'งานของฉัน');
    expect((await post(t, JSON.stringify({ destination: 'Ubot', events: [e] }))).statusCode).toBe(200);
    await wait(500);
    expect(await t.container.database.db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, e.webhookEventId))).toEqual([]);
    // The next instance (here: this one's own worker, asked) answers it.
    expect(await t.container.lineBot.worker.processPending()).toBe(1);
  });
});
