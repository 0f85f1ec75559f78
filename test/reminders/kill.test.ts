import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { outbox } from '../../src/db/schema.ts';
import { outboxRow } from '../../src/modules/reminders/planner.ts';
import { onRealPostgres } from '../helpers/db.ts';
import { seedOrg } from '../helpers/seed.ts';
import { createWorld, deliveriesByRetryKey, lineId, orgSpec, outboxRows, type World } from './fixtures/world.ts';

const worker = new URL('./fixtures/drain-worker.ts', import.meta.url).pathname;
const N = 200;

/** Waits (real time, bounded) until no row is under a live lease. */
async function waitForLeasesToEnd(w: World) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const leased = (await outboxRows(w)).filter((r) => r.status === 'sending' && r.claimedUntil && r.claimedUntil.getTime() >= Date.now());
    if (!leased.length || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function runWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, [worker], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code, signal) => r(signal ? -1 : code)));
  return { child, exited, output: () => out };
}

describe.skipIf(!onRealPostgres)('a sender killed with SIGKILL mid-drain (real PostgreSQL, separate processes)', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
    const s = await seedOrg(w.container, orgSpec('kill', []));
    const now = w.clock.now();
    const rows = Array.from({ length: N }, (_, i) =>
      outboxRow({ kind: 'reminder', orgId: s.org.id, recipient: lineId(`k${i}`), officerId: null, localDate: '2025-01-15', messages: [{ type: 'text', text: `ข้อความ ${i}` }], now }));
    await w.container.database.db.insert(outbox).values(rows);
    w.standIn.setLatency(40);
  });
  afterAll(() => w.close());

  it('loses nothing and duplicates nothing after a restart', async () => {
    const url = (w.container.database as Database & { url?: string }).url!;
    const env = { DATABASE_URL: url, LINE_CHANNEL_SECRET: 'x', LINE_CHANNEL_ACCESS_TOKEN: 'y', LINE_API_BASE_URL: w.standIn.url, PUBLIC_BASE_URL: 'https://ita.example.go.th' };
    const first = runWorker({ ...env, NOW: w.clock.now().toISOString() });
    const deadline = Date.now() + 20_000;
    while (w.standIn.delivered().length < N / 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(-1);
    const afterKill = w.standIn.delivered().length;
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(N);

    // Restart with the same NOW (as `remind --now` would be rerun) once the dead sender's leases,
    // on the real clock, have run out: the rows it had claimed are taken over.
    await waitForLeasesToEnd(w);
    const second = runWorker({ ...env, NOW: w.clock.now().toISOString() });
    expect(await second.exited, second.output()).toBe(0);

    const rows = await outboxRows(w);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    const byKey = deliveriesByRetryKey(w.standIn);
    expect(byKey.size).toBe(N); // none lost
    expect([...byKey.values()].filter((n) => n > 1)).toEqual([]); // none twice
    expect(new Set(w.standIn.delivered().map((d) => d.body.to)).size).toBe(N);
  }, 60_000);
});
