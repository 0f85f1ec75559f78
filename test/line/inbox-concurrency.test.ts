import { eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { rowsOf as dbRows } from '../../src/db/client.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lineInbox, lineInboxRequests, lineMessageLog } from '../../src/db/schema.ts';
import { InboxInsertError, type NewInboxRow } from '../../src/modules/line/webhook/inbox.repository.ts';
import type { InboxJob } from '../../src/modules/line/webhook/inbox.types.ts';
import { BUSY_CONCURRENCY, createInboxWorker, REPLY_CONCURRENCY, SOURCE_CONCURRENCY, sourceKeyOf } from '../../src/modules/line/webhook/inbox.worker.ts';
import { gid, post, PREPARER, sign, startBot, textEvent, uid, type BotContext } from './helpers.ts';

let t: BotContext;
const inbox = () => t.container.lineBot.inbox;
/** The inbox events with these ids, once what is stored is split into events (as a worker's claim does first). */
const rowsOf = async (ids: string[]) => {
  await inbox().expand(10_000, t.clock.now());
  return t.container.database.db.select().from(lineInbox).where(inArray(lineInbox.webhookEventId, ids));
};
const body = (...events: object[]) => JSON.stringify({ destination: 'Ubot', events });
const turn = () => new Promise((r) => setImmediate(r));

/** Watches the inbox INSERT statements the webhook makes (events per statement). */
function countInserts() {
  const real = inbox().insertRequests;
  const batches: number[] = [];
  inbox().insertRequests = (requests) => {
    batches.push(requests.reduce((n, r) => n + r.keys.length, 0));
    return real(requests);
  };
  return { batches, stop: () => { inbox().insertRequests = real; } };
}

beforeAll(async () => {
  t = await startBot();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.container.lineBot.worker.processPending();
});

describe('webhook group commit', () => {
  it('answers 200 only once the insert holding the request’s events has committed', async () => {
    const real = inbox().insertRequests;
    let release!: () => void;
    let started!: () => void;
    const writing = new Promise<void>((r) => { started = r; });
    inbox().insertRequests = async (requests) => {
      started();
      await new Promise<void>((r) => { release = r; });
      return real(requests);
    };
    try {
      const e = textEvent(t, { userId: PREPARER }, 'help');
      let answered = false;
      const res = post(t, body(e)).then((r) => { answered = true; return r; });
      await writing;
      for (let i = 0; i < 5; i++) await turn();
      expect(answered).toBe(false);
      expect(await rowsOf([e.webhookEventId])).toHaveLength(0);
      release();
      expect((await res).statusCode).toBe(200);
      expect(await rowsOf([e.webhookEventId])).toHaveLength(1);
    } finally {
      inbox().insertRequests = real;
    }
  });

  it('stores the events of concurrent requests with one INSERT, each once, a duplicate sent in two requests at the same time included', async () => {
    const events = Array.from({ length: 12 }, (_, i) => textEvent(t, { userId: uid(100 + i) }, `m${i}`));
    const dup = textEvent(t, { userId: PREPARER }, 'help');
    const bodies = [body(events[0]!, dup), body(dup, events[1]!), ...events.slice(2).map((e) => body(e))];
    const statements = countInserts();
    const answers = await Promise.all(bodies.map((b) => post(t, b)));
    statements.stop();
    expect(answers.map((r) => r.statusCode)).toEqual(bodies.map(() => 200));
    expect(statements.batches).toEqual([14]);
    const stored = await rowsOf([...events, dup].map((e) => e.webhookEventId));
    expect(stored).toHaveLength(13);
  });

  it('answers 500 to every request of a batch whose insert failed and stores nothing of it; LINE’s redelivery is then stored once', async () => {
    const real = inbox().insertRequests;
    inbox().insertRequests = async (requests) => {
      throw new InboxInsertError(requests.length, Object.assign(new Error('connection terminated'), { code: '57P01' }));
    };
    const events = [0, 1, 2].map((i) => textEvent(t, { userId: uid(200 + i) }, 'help'));
    const bodies = events.map((e) => body(e));
    try {
      const failed = await Promise.all(bodies.map((b) => post(t, b)));
      expect(failed.map((r) => r.statusCode)).toEqual([500, 500, 500]);
      expect(failed[0]!.json().error.code).toBe('INTERNAL');
    } finally {
      inbox().insertRequests = real;
    }
    expect(await rowsOf(events.map((e) => e.webhookEventId))).toHaveLength(0);
    const redelivered = await Promise.all(bodies.map((b) => post(t, b.replace('"isRedelivery":false', '"isRedelivery":true'))));
    expect(redelivered.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(await rowsOf(events.map((e) => e.webhookEventId))).toHaveLength(3);
  });

  it('stores an event PostgreSQL could not (\\u0000 in a text) with the character replaced, in the same batch as the others', async () => {
    const good = textEvent(t, { userId: uid(300) }, 'help');
    const bad = textEvent(t, { userId: uid(301) }, 'PLACEHOLDER');
    // \u0000 is valid JSON but cannot be stored in jsonb (SQLSTATE 22P05): it becomes U+FFFD.
    const badBody = body(bad).replace('PLACEHOLDER', 'nul \\u0000 here');
    const statements = countInserts();
    const [g, b] = await Promise.all([post(t, body(good)), post(t, badBody, sign(badBody))]);
    statements.stop();
    expect(statements.batches).toEqual([2]);
    expect([g.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(await rowsOf([good.webhookEventId])).toHaveLength(1);
    const [stored] = await rowsOf([bad.webhookEventId]);
    expect((stored!.event as { message: { text: string } }).message.text).toBe('nul \uFFFD here');
  });

  it('keeps U+0001, the character a batch’s values are joined by, where JSON spells it (a text, an event id), in requests batched together', async () => {
    const a = textEvent(t, { userId: uid(304) }, 'PLACEHOLDER');
    const b = { ...textEvent(t, { userId: uid(305) }, 'plain'), webhookEventId: `${textEvent(t, { userId: uid(305) }, 'x').webhookEventId}\u0001x` };
    const aBody = body(a).replace('PLACEHOLDER', 'one\\u0001two');
    const bBody = body(b);
    const statements = countInserts();
    const answers = await Promise.all([post(t, aBody, sign(aBody)), post(t, bBody, sign(bBody))]);
    statements.stop();
    expect(statements.batches).toEqual([2]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    const [storedA] = await rowsOf([a.webhookEventId]);
    expect((storedA!.event as { message: { text: string } }).message.text).toBe('one\u0001two');
    const [storedB] = await rowsOf([b.webhookEventId]);
    expect((storedB!.event as { webhookEventId: string }).webhookEventId).toBe(b.webhookEventId);
  });

  it('stores the signed events as sent, and a number PostgreSQL’s numeric cannot hold as JSON.parse read it', async () => {
    const exact = textEvent(t, { userId: uid(302) }, 'n');
    const huge = textEvent(t, { userId: uid(303) }, 'n');
    // Past what JavaScript's numbers hold, within numeric: kept digit for digit (the text is stored).
    const exactBody = body(exact).replace('"isRedelivery":false', '"isRedelivery":false,"big":12345678901234567890123');
    // 1e99999: JSON.parse reads Infinity; numeric refuses it (22003), so this body is stored re-serialised (null).
    const hugeBody = body(huge).replace('"isRedelivery":false', '"isRedelivery":false,"big":1e99999');
    const answers = await Promise.all([post(t, exactBody, sign(exactBody)), post(t, hugeBody, sign(hugeBody))]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    await inbox().expand(100, t.clock.now());
    const big = async (id: string) =>
      dbRows<{ big: string | null }>(await t.container.database.db.execute(sql`select event->'deliveryContext'->>'big' as big from line_inbox where webhook_event_id = ${id}`))[0];
    expect(await big(exact.webhookEventId)).toEqual({ big: '12345678901234567890123' });
    expect(await big(huge.webhookEventId)).toEqual({ big: null });
    const [a] = await rowsOf([exact.webhookEventId]);
    expect(a!.event).toMatchObject({ webhookEventId: exact.webhookEventId, message: { text: 'n' } });
  });
});

describe('inbox insert', () => {
  it('keeps the given order in the ids and skips ids already stored or repeated in the batch', async () => {
    const at = t.clock.now();
    const events = Array.from({ length: 6 }, (_, i) => textEvent(t, { userId: uid(400) }, `n${i}`));
    const rows: NewInboxRow[] = events.map((e) => ({ webhookEventId: e.webhookEventId, destination: 'Ubot', event: e, at }));
    await inbox().insertRows(rows.slice(0, 2));
    await inbox().insertRows([...rows, rows[3]!]);
    const stored = (await rowsOf(events.map((e) => e.webhookEventId))).sort((a, b) => a.id - b.id);
    expect(stored.map((r) => r.webhookEventId)).toEqual(events.map((e) => e.webhookEventId));
    expect(stored[5]).toMatchObject({ status: 'pending', destination: 'Ubot', attempts: 0 });
    expect(stored[5]!.receivedAt.getTime()).toBe(at.getTime());
    expect((stored[5]!.event as { message: { text: string } }).message.text).toBe('n5');
  });

  it('keeps a stored request PostgreSQL cannot split into events aside, marked with its SQLSTATE and none of its words, and splits the others in order', async () => {
    const at = t.clock.now();
    const [before, bad, after] = ['before', 'private words \u0000', 'after'].map((text) => textEvent(t, { userId: uid(401) }, text));
    // JSON.stringify writes the NUL as \u0000, which jsonb refuses (22P05): only the split can fail.
    await inbox().insertRows([before!, bad!, after!].map((e) => ({ webhookEventId: e.webhookEventId, destination: 'Ubot', event: e, at })));
    const stored = (await rowsOf([before!, bad!, after!].map((e) => e.webhookEventId))).sort((x, y) => x.id - y.id);
    expect(stored.map((r) => r.webhookEventId)).toEqual([before!.webhookEventId, after!.webhookEventId]);
    const kept = await t.container.database.db.select().from(lineInboxRequests).where(isNotNull(lineInboxRequests.failedAt));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0]!.keys)).toEqual([bad!.webhookEventId]);
    expect(kept[0]!.lastError).toContain('22P05');
    expect(kept[0]!.lastError).not.toContain('private words');
    // Not tried again at every claim, and not lost: it stays until the retention period has passed
    // (it holds people's words, as handled events do).
    const aside = () => t.container.database.db.select().from(lineInboxRequests).where(isNotNull(lineInboxRequests.failedAt));
    await inbox().expand(100, t.clock.now());
    await inbox().purge(new Date(t.clock.now().getTime() - 1), 100);
    expect(await aside()).toHaveLength(1);
    await inbox().purge(new Date(t.clock.now().getTime() + 1), 100);
    expect(await aside()).toHaveLength(0);
  });
});

describe('inbox worker concurrency', () => {
  it('processes different sources side by side (at most SOURCE_CONCURRENCY at once) and each source’s events in order, across batches', async () => {
    const sources = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? { userId: uid(500 + i), groupId: gid(500 + i) } : { userId: uid(500 + i) }));
    const events = [0, 1, 2].flatMap((seq) => sources.map((s) => textEvent(t, s, `seq ${seq}`)));
    await inbox().insert(events.map((e) => ({ webhookEventId: e.webhookEventId, destination: 'Ubot', event: e })), t.clock.now());

    const seen = new Map<string, number[]>();
    const active = new Set<string>();
    let running = 0;
    let peak = 0;
    let sameSourceOverlap = false;
    const handle = async (job: InboxJob) => {
      const key = sourceKeyOf(job.event, job.webhookEventId);
      if (active.has(key)) sameSourceOverlap = true;
      active.add(key);
      peak = Math.max(peak, ++running);
      // Stay busy until every lane has started (each first renews its lease in the database), or briefly.
      for (let i = 0; i < 200 && running < SOURCE_CONCURRENCY; i++) await new Promise((r) => setTimeout(r, 1));
      await turn();
      const seq = Number((job.event as { message: { text: string } }).message.text.split(' ')[1]);
      seen.set(key, [...(seen.get(key) ?? []), seq]);
      active.delete(key);
      running--;
    };
    const worker = createInboxWorker({ repo: inbox(), clock: t.clock, handle, batchSize: 50 });
    expect(await worker.processPending()).toBe(120);

    expect(sameSourceOverlap).toBe(false);
    expect(peak).toBe(SOURCE_CONCURRENCY);
    expect(seen.size).toBe(40);
    for (const seqs of seen.values()) expect(seqs).toEqual([0, 1, 2]);
    const [row] = await t.container.database.db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, events[119]!.webhookEventId));
    expect(row!.status).toBe('done');
  });

  it('sends the answers of up to REPLY_CONCURRENCY sources at once (LINE’s latency overlaps), each source’s in order, and stores the batch’s answers before any goes', async () => {
    const sources = Array.from({ length: 40 }, (_, i) => uid(800 + i));
    const events = [0, 1].flatMap((seq) => sources.map((u) => textEvent(t, { userId: u }, `seq ${seq}`)));
    await inbox().insert(events.map((e) => ({ webhookEventId: e.webhookEventId, destination: 'Ubot', event: e })), t.clock.now());
    const sent = new Map<string, number[]>();
    let running = 0;
    let peak = 0;
    let unstoredWhenSent = 0;
    const worker = createInboxWorker({
      repo: inbox(),
      clock: t.clock,
      batchSize: 80,
      handle: async (job) => {
        const ev = job.event as { source: { userId: string }; message: { text: string }; timestamp: number };
        return { conv: { to: ev.source.userId, eventTimestamp: ev.timestamp, eventKey: job.webhookEventId }, messages: [{ type: 'text', text: ev.message.text }] };
      },
      respond: async (conv, messages) => {
        if (running === 0) {
          const stored = await rowsOf(events.map((e) => e.webhookEventId));
          unstoredWhenSent = stored.filter((r) => r.answer === null).length;
        }
        peak = Math.max(peak, ++running);
        // Stay "waiting on LINE" until every lane has started, or briefly.
        for (let i = 0; i < 200 && running < REPLY_CONCURRENCY; i++) await new Promise((r) => setTimeout(r, 1));
        sent.set(conv.to, [...(sent.get(conv.to) ?? []), Number((messages[0] as { text: string }).text.split(' ')[1])]);
        running--;
      },
    });
    expect(await worker.processPending()).toBe(80);
    expect(peak).toBe(REPLY_CONCURRENCY);
    expect(REPLY_CONCURRENCY).toBeGreaterThan(SOURCE_CONCURRENCY);
    expect(unstoredWhenSent).toBe(0);
    for (const u of sources) expect(sent.get(u)).toEqual([0, 1]);
  });

  it('narrows to BUSY_CONCURRENCY sources at once while webhook requests keep arriving', async () => {
    const events = Array.from({ length: 30 }, (_, i) => textEvent(t, { userId: uid(600 + i) }, 'busy'));
    await inbox().insert(events.map((e) => ({ webhookEventId: e.webhookEventId, destination: 'Ubot', event: e })), t.clock.now());
    let running = 0;
    let peak = 0;
    const worker = createInboxWorker({
      repo: inbox(),
      clock: t.clock,
      handle: async () => {
        worker.kick(); // as the webhook does after each request
        peak = Math.max(peak, ++running);
        await turn();
        running--;
      },
    });
    worker.kick();
    expect(await worker.processPending()).toBe(30);
    expect(peak).toBe(BUSY_CONCURRENCY);
  });

  it('keeps an event’s answer only until it is done: the message log keeps what went', async () => {
    const e = textEvent(t, { userId: PREPARER }, 'help');
    expect((await post(t, body(e))).statusCode).toBe(200);
    await t.container.lineBot.worker.processPending();
    const [row] = await rowsOf([e.webhookEventId]);
    expect(row!.status).toBe('done');
    expect(row!.answer).toBeNull();
    const logged = await t.container.database.db.select().from(lineMessageLog).where(eq(lineMessageLog.to, PREPARER));
    expect(logged.length).toBeGreaterThan(0);
  });

  it('a worker whose lease ran out neither handles nor marks rows another worker has claimed since', async () => {
    const events = [textEvent(t, { userId: uid(700) }, 'one'), textEvent(t, { userId: uid(700) }, 'two')];
    const ids = events.map((e) => e.webhookEventId);
    await inbox().insert(events.map((e) => ({ webhookEventId: e.webhookEventId, destination: 'Ubot', event: e })), t.clock.now());
    const stale = await inbox().claim(t.clock.now(), 60_000, 10); // worker A claims, then stalls…
    expect(stale.map((r) => r.webhookEventId)).toEqual(ids);
    t.clock.advance(61_000); // …past its lease
    const handledByB: string[] = [];
    const b = createInboxWorker({ repo: inbox(), clock: t.clock, handle: async (job) => { handledByB.push(job.webhookEventId); } });
    expect(await b.processPending()).toBe(2);
    expect(handledByB).toEqual(ids);
    // A wakes up: its rows are no longer its own, whatever it tries to write.
    for (const row of stale) {
      await inbox().renew([row], t.clock.now(), 60_000);
      await inbox().storeAnswers(undefined, [{ ...row, answer: { late: true } }], t.clock.now());
      await inbox().markDone([{ ...row, redact: 'late' }], t.clock.now());
      await inbox().markFailed(row, t.clock.now(), 'late');
      await inbox().markRetry(row, t.clock.now(), 'late');
    }
    expect((await rowsOf(ids)).map((r) => [r.answer, r.lockedUntil])).toEqual([[null, null], [null, null]]);
    expect((await rowsOf(ids)).map((r) => [r.status, r.attempts, r.lastError])).toEqual([['done', 2, null], ['done', 2, null]]);
  });

  it('keys a group’s events by the group and a 1:1 chat’s by the user', () => {
    expect(sourceKeyOf({ source: { type: 'group', groupId: 'C1', userId: 'U1' } }, '1')).toBe('C1');
    expect(sourceKeyOf({ source: { type: 'room', roomId: 'R1', userId: 'U1' } }, '1')).toBe('R1');
    expect(sourceKeyOf({ source: { type: 'user', userId: 'U1' } }, '1')).toBe('U1');
    expect(sourceKeyOf({ type: 'things' }, '7')).toBe('event:7');
  });
});
