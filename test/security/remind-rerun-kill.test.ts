import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { onRealPostgres } from '../helpers/db.ts';
import { seedOrg } from '../helpers/seed.ts';
import { createWorld, deliveriesByRetryKey, item, lineId, orgSpec, outboxRows, type World } from '../reminders/fixtures/world.ts';

const cli = new URL('../../src/cli.ts', import.meta.url).pathname;
const N = 24;
const NOW = '2025-01-15T09:00:00+07:00';

/** `remind --now …` as an operator runs it, in its own process. */
function remind(env: Record<string, string>) {
  const child = spawn(process.execPath, [cli, 'remind', '--now', NOW], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code, signal) => r(signal ? -1 : code)));
  return { child, exited, output: () => out };
}

/**
 * Issue 10.4 end to end on real PostgreSQL (separate processes share it): `remind --now T` killed
 * with SIGKILL mid-send, then `remind --now T` again. Before the fix the rows the first run had
 * claimed stayed 'sending' for good (their lease was T + 60 s, and T never moves); now they are
 * sent by the rerun once the dead run's lease has run out on the real clock, each exactly once.
 */
describe.skipIf(!onRealPostgres)('remind --now rerun after kill -9 (real PostgreSQL, real CLI processes)', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld({ now: new Date(NOW).toISOString() });
    const people = Array.from({ length: N }, (_, i) => ({ name: `นายคนที่ ${i} ทดสอบ`, unit: 'กองแผน', lineUserId: lineId(`rk-${i}`) }));
    const spec = orgSpec('rk', people.map((p, i) => item(i + 1, '2025-01-14', { preparer: p.name })));
    await seedOrg(w.container, { ...spec, officers: [...spec.officers, ...people] });
    w.standIn.setLatency(150);
  });
  afterAll(() => w.close());

  it('sends what the killed run had claimed, once, when rerun with the same --now', async () => {
    const url = (w.container.database as Database & { url?: string }).url!;
    const env = {
      DATABASE_URL: url, LOG_LEVEL: 'silent', SENDER_CONCURRENCY: '2',
      LINE_CHANNEL_SECRET: 'x', LINE_CHANNEL_ACCESS_TOKEN: 'y', LINE_API_BASE_URL: w.standIn.url, PUBLIC_BASE_URL: 'https://ita.example.go.th',
    };
    const first = remind(env);
    const deadline = Date.now() + 30_000;
    while (w.standIn.delivered().length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    expect(await first.exited, first.output()).toBe(-1);
    const planned = await outboxRows(w);
    expect(planned.length).toBeGreaterThanOrEqual(N);
    expect(planned.some((r) => r.status === 'sending')).toBe(true);

    // Rerun until everything went (each run exits at once while the dead run's leases still hold).
    const rerunUntil = Date.now() + 45_000; // leases are 15 s: well before this
    while (Date.now() < rerunUntil && (await outboxRows(w)).some((r) => r.status !== 'sent')) {
      const again = remind(env);
      expect(await again.exited, again.output()).toBe(0);
      if ((await outboxRows(w)).some((r) => r.status !== 'sent')) await new Promise((r) => setTimeout(r, 1_000));
    }
    const rows = await outboxRows(w);
    expect(rows.filter((r) => r.status !== 'sent').map((r) => r.status)).toEqual([]);
    const byKey = deliveriesByRetryKey(w.standIn);
    expect(byKey.size).toBe(rows.length);
    expect([...byKey.values()].filter((n) => n > 1)).toEqual([]);
  }, 90_000);
});
