import { describe, expect, it } from 'vitest';
import { createBatcher, InboxOverloadedError } from '../../src/modules/line/webhook/inbox.batcher.ts';

/** A write the test finishes by hand: `writes[i].done()` / `.fail(e)`. */
function controlledWrites() {
  const writes: Array<{ rows: string[]; done: () => void; fail: (e: unknown) => void }> = [];
  const write = (rows: string[]) =>
    new Promise<void>((resolve, reject) => writes.push({ rows: [...rows], done: resolve, fail: reject }));
  return { writes, write };
}

/** One turn of the event loop (the batcher flushes on setImmediate): yielding, not sleeping. */
const turn = () => new Promise((r) => setImmediate(r));

/** Which of these promises have settled, and how. */
function track(p: Promise<void>) {
  const s = { state: 'pending' as 'pending' | 'ok' | 'failed', error: undefined as unknown };
  p.then(() => { s.state = 'ok'; }, (e) => { s.state = 'failed'; s.error = e; });
  return s;
}

describe('inbox group commit (batcher)', () => {
  it('writes the rows of requests arriving together as one batch, in arrival order, and answers each only after it is committed', async () => {
    const { writes, write } = controlledWrites();
    const b = createBatcher<string>({ write });
    const a = track(b.add(['a1', 'a2']));
    const c = track(b.add(['b1']));
    const d = track(b.add(['c1', 'c2', 'c3']));
    expect(writes).toHaveLength(0); // nothing until the next turn: later arrivals may still join
    await turn();
    expect(writes.map((w) => w.rows)).toEqual([['a1', 'a2', 'b1', 'c1', 'c2', 'c3']]);
    await turn();
    expect([a.state, c.state, d.state]).toEqual(['pending', 'pending', 'pending']);
    writes[0]!.done();
    await turn();
    expect([a.state, c.state, d.state]).toEqual(['ok', 'ok', 'ok']);
  });

  it('queues what arrives while a batch is being written and writes it as the next batch', async () => {
    const { writes, write } = controlledWrites();
    const b = createBatcher<string>({ write, maxInFlight: 1 });
    const first = track(b.add(['r1']));
    await turn();
    const second = track(b.add(['r2']));
    const third = track(b.add(['r3', 'r4']));
    await turn();
    expect(writes).toHaveLength(1); // the one write allowed is still running
    writes[0]!.done();
    await turn();
    expect(writes.map((w) => w.rows)).toEqual([['r1'], ['r2', 'r3', 'r4']]);
    expect([first.state, second.state, third.state]).toEqual(['ok', 'pending', 'pending']);
    writes[1]!.done();
    await b.drain();
    expect([second.state, third.state]).toEqual(['ok', 'ok']);
  });

  it('starts a write at once when maxBatch rows are queued, and never splits one request between batches', async () => {
    const { writes, write } = controlledWrites();
    const b = createBatcher<string>({ write, maxBatch: 3, maxInFlight: 4 });
    void b.add(['a1', 'a2']);
    expect(writes).toHaveLength(0);
    void b.add(['b1', 'b2']);
    // 4 rows queued ≥ 3: written without waiting for the next turn, [a] first (a+b would exceed 3);
    // [b] is no full batch, so it waits for [a] (or for [a] to take stallMs).
    expect(writes.map((w) => w.rows)).toEqual([['a1', 'a2']]);
    void b.add(['c1', 'c2']);
    // [b, c] would exceed 3, and [b] alone is queued with [c] behind it: a full batch's worth waits no longer.
    expect(writes.map((w) => w.rows)).toEqual([['a1', 'a2'], ['b1', 'b2']]);
    writes.forEach((w) => w.done());
    await turn();
    expect(writes.map((w) => w.rows)).toEqual([['a1', 'a2'], ['b1', 'b2'], ['c1', 'c2']]);
    writes[2]!.done();
    await b.drain();
  });

  it('writes one batch at a time while writes are quick, and starts another beside one that has taken stallMs', async () => {
    const { writes, write } = controlledWrites();
    const b = createBatcher<string>({ write, maxInFlight: 4, stallMs: 30 });
    const first = track(b.add(['r1']));
    await turn();
    const second = track(b.add(['r2']));
    await turn();
    await turn();
    expect(writes.map((w) => w.rows)).toEqual([['r1']]); // r2 waits for r1's write
    while (writes.length < 2) await new Promise((r) => setTimeout(r, 5)); // r1's write is held up past 30 ms
    expect(writes.map((w) => w.rows)).toEqual([['r1'], ['r2']]);
    writes[1]!.done();
    await turn();
    expect([first.state, second.state]).toEqual(['pending', 'ok']);
    writes[0]!.done();
    await b.drain();
    expect(first.state).toBe('ok');
  });

  it('fails every request of a failed batch with that error, and only those', async () => {
    const { writes, write } = controlledWrites();
    const b = createBatcher<string>({ write, maxInFlight: 1 });
    const x = track(b.add(['x']));
    const y = track(b.add(['y']));
    await turn();
    const z = track(b.add(['z'])); // arrives while the first batch is written: next batch
    const boom = new Error('connection lost');
    writes[0]!.fail(boom);
    await turn();
    expect([x.state, y.state, x.error, y.error]).toEqual(['failed', 'failed', boom, boom]);
    expect(writes[1]!.rows).toEqual(['z']);
    writes[1]!.done();
    await b.drain();
    expect(z.state).toBe('ok');
  });

  it('writes each request alone after a batch failed through one request’s data, so only that request fails', async () => {
    const bad = new Error('unsupported Unicode escape sequence');
    const written: string[][] = [];
    const b = createBatcher<string>({
      write: async (rows) => {
        written.push(rows);
        if (rows.includes('bad')) throw bad;
      },
      retryAlone: (e) => e === bad,
    });
    const results = [track(b.add(['ok1'])), track(b.add(['bad', 'ok2'])), track(b.add(['ok3']))];
    await b.drain();
    expect(written).toEqual([['ok1', 'bad', 'ok2', 'ok3'], ['ok1'], ['bad', 'ok2'], ['ok3']]);
    expect(results.map((r) => r.state)).toEqual(['ok', 'failed', 'ok']);
  });

  it('refuses new rows at once when too many are waiting, instead of queueing without bound', async () => {
    const { writes, write } = controlledWrites();
    const b = createBatcher<string>({ write, maxInFlight: 1, maxQueued: 3 });
    void b.add(['in-flight']);
    await turn(); // written: no longer counted as waiting
    void b.add(['w1', 'w2']);
    await expect(b.add(['w3', 'w4'])).rejects.toBeInstanceOf(InboxOverloadedError);
    const fits = track(b.add(['w3']));
    writes[0]!.done();
    await turn();
    expect(writes[1]!.rows).toEqual(['w1', 'w2', 'w3']);
    writes[1]!.done();
    await b.drain();
    expect(fits.state).toBe('ok');
  });

  it('drain() waits for queued and running writes', async () => {
    const { writes, write } = controlledWrites();
    const b = createBatcher<string>({ write });
    await b.drain(); // idle: at once
    void b.add(['a']);
    let drained = false;
    const d = b.drain().then(() => { drained = true; });
    await turn();
    expect(drained).toBe(false);
    writes[0]!.done();
    await d;
    expect(drained).toBe(true);
  });
});
