import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lineInbox } from '../../src/db/schema.ts';
import { createInboxWorker } from '../../src/modules/line/webhook/inbox.worker.ts';
import { createResponder } from '../../src/modules/line/webhook/responder.ts';
import { deliver, post, PREPARER, seedPhatthalung, sign, startBot, textEvent, textsOf, type BotContext } from './helpers.ts';

let t: BotContext;
/** The inbox events, once what is stored is split into events (as a worker's claim does first). */
const inboxRows = async () => {
  await t.container.lineBot.inbox.expand(10_000, t.clock.now());
  return t.container.database.db.select().from(lineInbox);
};

beforeAll(async () => {
  t = await startBot();
  await seedPhatthalung(t);
});
afterAll(() => t.close());
beforeEach(async () => {
  // Finish whatever an earlier test left to the background worker before counting requests.
  await t.container.lineBot.worker.processPending();
  t.standIn.reset();
});

describe('POST /webhook signature and body checks', () => {
  it('accepts LINE’s verify request (no events) with 200', async () => {
    const res = await post(t, JSON.stringify({ destination: 'Ubot', events: [] }));
    expect(res.statusCode).toBe(200);
  });

  it('refuses a missing signature with 401 and stores nothing', async () => {
    const before = (await inboxRows()).length;
    const res = await post(t, JSON.stringify({ destination: 'Ubot', events: [textEvent(t, { userId: PREPARER }, 'help')] }), null);
    expect(res.statusCode).toBe(401);
    expect((await inboxRows()).length).toBe(before);
  });

  it('refuses a bad signature (other secret, or a body changed after signing) with 401 and stores nothing', async () => {
    const before = (await inboxRows()).length;
    const body = JSON.stringify({ destination: 'Ubot', events: [textEvent(t, { userId: PREPARER }, 'help')] });
    expect((await post(t, body, sign(body, 'another-secret'))).statusCode).toBe(401);
    expect((await post(t, body.replace('help', 'my'), sign(body))).statusCode).toBe(401);
    expect((await post(t, body, 'not base64 at all')).statusCode).toBe(401);
    expect((await inboxRows()).length).toBe(before);
  });

  it('verifies the exact bytes: Thai, emoji and escaped \\uD83D\\uDE00 sequences are never re-serialised', async () => {
    const e = textEvent(t, { userId: PREPARER }, 'PLACEHOLDER');
    // The JSON text carries escaped surrogates as LINE may send them; JSON.stringify would write 😀 instead.
    const body = JSON.stringify({ destination: 'Ubot', events: [e] }).replace('PLACEHOLDER', 'งานของฉัน \\uD83D\\uDE00 😀');
    const res = await post(t, body);
    expect(res.statusCode).toBe(200);
    await t.container.lineBot.inbox.expand(100, t.clock.now());
    const [row] = await t.container.database.db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, e.webhookEventId));
    expect((row!.event as any).message.text).toBe('งานของฉัน 😀 😀');
  });

  it('stores lone surrogates and U+0000 (in texts and keys) as U+FFFD, and answers the message', async () => {
    const e = textEvent(t, { userId: PREPARER }, 'PLACEHOLDER');
    const body = JSON.stringify({ destination: 'Ubot', events: [{ ...e, 'k\u0000': 1 }] })
      .replace('PLACEHOLDER', 'งานของฉัน \\uD800 \\uDFFF \\u0000')
      .replace('k\\u0000', 'k\\uDC00');
    const res = await post(t, body);
    expect(res.statusCode).toBe(200);
    await t.container.lineBot.worker.processPending();
    expect(t.standIn.delivered()).toHaveLength(1);
    const [row] = await t.container.database.db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, e.webhookEventId));
    expect((row!.event as any).message.text).toBe('งานของฉัน \uFFFD \uFFFD \uFFFD');
    expect(Object.keys(row!.event as object)).toContain('k\uFFFD');
  });

  it('answers 400 to a signed body nested deeper than any LINE event, and stores nothing of it', async () => {
    const before = (await inboxRows()).length;
    const deep = `{"destination":"Ubot","events":[{"type":"message","x":${'['.repeat(40)}${']'.repeat(40)}}]}`;
    expect((await post(t, deep)).statusCode).toBe(400);
    expect((await inboxRows()).length).toBe(before);
  });

  it('answers 400 to malformed JSON with a valid signature, and to a body that is not a webhook', async () => {
    expect((await post(t, '{"events": [')).statusCode).toBe(400);
    expect((await post(t, JSON.stringify({ events: 'nope' }))).statusCode).toBe(400);
  });

  it('answers 413 to a body over 1 MB, before looking at the signature', async () => {
    const body = JSON.stringify({ destination: 'Ubot', events: [], pad: 'x'.repeat(1_100_000) });
    expect((await post(t, body)).statusCode).toBe(413);
  });
});

describe('durable inbox', () => {
  it('stores each event before answering, and processes a redelivered event only once', async () => {
    const e = textEvent(t, { userId: PREPARER }, 'ช่วยเหลือ');
    const sent = await deliver(t, e);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toBe('/v2/bot/message/reply');
    // LINE redelivers the same event, and a duplicate arrives inside one batch too.
    const again = await deliver(t, { ...e, deliveryContext: { isRedelivery: true } }, e);
    expect(again).toHaveLength(0);
    const rows = (await inboxRows()).filter((r) => r.webhookEventId === e.webhookEventId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('done');
  });

  it('keys an old-format event without webhookEventId by a hash of the event', async () => {
    const { webhookEventId: _, ...old } = textEvent(t, { userId: PREPARER }, 'help');
    await deliver(t, old);
    const again = await deliver(t, old);
    expect(again).toHaveLength(0);
    expect((await inboxRows()).some((r) => r.webhookEventId.startsWith('sha256:'))).toBe(true);
  });

  it('acknowledges while LINE is failing, keeps the event, and retries it after the backoff', async () => {
    t.standIn.failNext(1, { status: 500 });
    const e = textEvent(t, { userId: PREPARER }, 'help');
    const first = await deliver(t, e);
    expect(first).toHaveLength(1); // the failed reply attempt
    const [row] = await t.container.database.db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, e.webhookEventId));
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toContain('500');
    // Not yet due: nothing happens.
    expect(await t.container.lineBot.worker.processPending()).toBe(0);
    t.clock.advance(6_000);
    await t.container.lineBot.worker.processPending();
    // The retry sends the stored answer; the token is still fresh and LINE never took the failed
    // reply, so it goes as a (free) reply, once.
    const delivered = t.standIn.delivered();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.path).toBe('/v2/bot/message/reply');
    expect(textsOf(delivered)).toContain('งานของฉัน');
  });

  it('loses nothing when the process dies after the 200: another worker picks the event up', async () => {
    t.standIn.failNext(1, { status: 503 });
    const e = textEvent(t, { userId: PREPARER }, 'help');
    await deliver(t, e);
    // A fresh worker on the same database (as after a restart) finishes the job once it is due.
    const survivor = createInboxWorker({ repo: t.container.lineBot.inbox, clock: t.clock, handle: async () => {} });
    t.clock.advance(10_000);
    expect(await survivor.processPending()).toBeGreaterThanOrEqual(1);
    const [row] = await t.container.database.db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, e.webhookEventId));
    expect(row!.status).toBe('done');
  });

  it('gives up after the last retry and marks the event failed', async () => {
    t.standIn.failNext(20, { status: 429, retryAfterSeconds: 1 });
    const e = textEvent(t, { userId: PREPARER }, 'help');
    await deliver(t, e);
    for (let i = 0; i < 8; i++) {
      t.clock.advance(15 * 60_000);
      await t.container.lineBot.worker.processPending();
    }
    const [row] = await t.container.database.db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, e.webhookEventId));
    expect(row).toMatchObject({ status: 'failed', attempts: 6 });
    t.standIn.reset();
  });

  it('pushes instead of replying when the reply token is no longer fresh', async () => {
    const e = textEvent(t, { userId: PREPARER }, 'help', { timestamp: t.clock.now().getTime() - 70_000 });
    const sent = await deliver(t, e);
    expect(sent.map((r) => r.path)).toEqual(['/v2/bot/message/push']);
    expect(sent[0]!.body.to).toBe(PREPARER);
  });

  it('sends more than 5 messages as a reply of 5 followed by pushes, never over LINE’s limit', async () => {
    const respond = createResponder({ gateway: t.container.line, clock: t.clock });
    const messages = Array.from({ length: 7 }, (_, i) => ({ type: 'text' as const, text: `m${i}` }));
    await respond({ to: PREPARER, replyToken: 'fresh-token', eventTimestamp: t.clock.now().getTime(), eventKey: 'chunk-test' }, messages);
    expect(t.standIn.delivered().map((r) => [r.path, r.body.messages.length])).toEqual([['/v2/bot/message/reply', 5], ['/v2/bot/message/push', 2]]);
  });
});
