import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver, event, post, PREPARER, seedPhatthalung, startBot, textEvent, textsOf, uid, type BotContext } from '../line/helpers.ts';

/**
 * A small signed fuzz of the webhook (issue 10, item 10): a few hundred mutations of real LINE
 * event shapes, every one correctly signed, so they pass the signature check and reach parsing,
 * the inbox and the handlers. None may answer 5xx, and the service must go on answering the
 * next good event. Deterministic: the same seed makes the same requests.
 */
let t: BotContext;
beforeAll(async () => {
  t = await startBot();
  await seedPhatthalung(t);
});
afterAll(async () => t.close());

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\u202e\u0e01', '🙂'.repeat(50), 'ก'.repeat(6000), '%00', '../../etc/passwd',
  '<script>alert(1)</script>', "'; drop table assignments; --", 'O1', 'ลิงก์ O1 http://127.0.0.1/', 'ผูกบัญชี AAAA-BBBB', 'a=approve&id=1&v=1',
  'a=submit&id=2147483648&v=1', 'a=more&l=my&o=-1', '\n\n\n', '\t', 'null', '{}', '[]',
];
const NASTY_VALUES: unknown[] = [null, true, 0, -1, 1e308, 2 ** 53 + 1, 'NaN', [], {}, [[[]]], { type: 'user' }, 'x'.repeat(300)];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function baseEvents(): object[] {
  const s = { userId: PREPARER };
  const g = { userId: PREPARER, groupId: `C${'1'.repeat(32)}` };
  return [
    textEvent(t, s, 'งานของฉัน'),
    textEvent(t, g, 'ค้าง'),
    event(t, s, 'postback', { postback: { data: 'a=detail&id=1' } }),
    event(t, s, 'follow'),
    event(t, s, 'unfollow', { replyToken: undefined }),
    event(t, g, 'join'),
    event(t, g, 'leave', { replyToken: undefined }),
    event(t, g, 'memberJoined', { joined: { members: [{ type: 'user', userId: uid(77) }] } }),
    event(t, s, 'message', { message: { type: 'sticker', id: '1', packageId: '1', stickerId: '1' } }),
    event(t, s, 'message', { message: { type: 'image', id: '2', contentProvider: { type: 'line' } } }),
  ];
}

/** Replaces, removes, retypes or nests one field somewhere in the event. */
function mutate(r: () => number, ev: Record<string, unknown>): unknown {
  const paths: Array<[Record<string, unknown>, string]> = [];
  const walk = (o: unknown, depth: number) => {
    if (!o || typeof o !== 'object' || depth > 4) return;
    for (const k of Object.keys(o)) {
      paths.push([o as Record<string, unknown>, k]);
      walk((o as Record<string, unknown>)[k], depth + 1);
    }
  };
  walk(ev, 0);
  const [obj, key] = pick(r, paths);
  const kind = Math.floor(r() * 5);
  if (kind === 0) obj[key] = pick(r, NASTY_STRINGS);
  else if (kind === 1) obj[key] = pick(r, NASTY_VALUES);
  else if (kind === 2) delete obj[key];
  else if (kind === 3) obj[`${key}_extra`] = pick(r, NASTY_STRINGS);
  else {
    let nested: unknown = pick(r, NASTY_STRINGS);
    for (let i = 0, n = 1 + Math.floor(r() * 60); i < n; i++) nested = { a: nested };
    obj[key] = nested;
  }
  return ev;
}

describe('signed fuzzing of the webhook', () => {
  it('a few hundred mutated events never get a 5xx, and the next good event is still answered', async () => {
    const r = rng(20261201);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const events = Array.from({ length: 1 + Math.floor(r() * 3) }, () => mutate(r, structuredClone(pick(r, baseEvents())) as Record<string, unknown>));
      const body = JSON.stringify({ destination: 'Ubot', events });
      const res = await post(t, body);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      expect(res.statusCode, `request ${i}: ${body.slice(0, 300)}`).toBeLessThan(500);
      if (i % 25 === 0) await t.container.lineBot.worker.processPending();
    }
    await t.container.lineBot.worker.processPending();
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, 'งานของฉัน')))).toContain('งานของฉัน');
  }, 120_000);

  it('a body nested thousands deep is answered, not thrown outside the error handler', async () => {
    const deep = `{"destination":"Ubot","events":[${'['.repeat(9000)}${']'.repeat(9000)}]}`;
    const res = await post(t, deep);
    expect(res.statusCode).toBeLessThan(500);
    expect(textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, 'งานของฉัน')))).toContain('งานของฉัน');
  });
});
