/**
 * bench:webhook's phase 2 alone (the worker draining a backlog), without the webhook loads that
 * take ~2 minutes: `npm run bench:webhook:worker`. The backlog is the same as
 * bench:webhook leaves (requests of 5 text events, 'ช่วยเหลือ', 'งานของฉัน', 'สวัสดีครับ 😀',
 * 'O12', 'help', each from one of 20 linked officers), stored straight through the inbox insert;
 * the worker is the real one (its container, the real SDK against the LINE stand-in in its own
 * process). Prints events/s, the worker's CPU per event and the SQL statements per event (by
 * kind), so A/B runs on a busy machine can be compared on more than the rate.
 * Knobs: BENCH_EVENTS (5,000), BENCH_LINE_LATENCY_MS (0), BENCH_DATABASE_URL (else a throwaway
 * cluster), BENCH_PROFILE=<file> (a CPU profile of the worker's run).
 */
import { fork } from 'node:child_process';
import { textEvents, users } from './support/webhook-events.ts';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { createContainer, prepareDatabase } from '../src/container.ts';
import { openDatabase, rowsOf } from '../src/db/client.ts';
import { systemClock } from '../src/shared/clock.ts';
import { seedOrg } from '../test/helpers/seed.ts';
import { benchPostgres } from './support/pg.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5_000);

const standIn = fork(new URL('./line-stand-in.child.ts', import.meta.url).pathname, [], { env: { ...process.env, LATENCY_MS: process.env.BENCH_LINE_LATENCY_MS ?? '0' } });
const standInUrl = await new Promise<string>((resolve) => standIn.once('message', (m: { url: string }) => resolve(m.url)));
const env = { LOG_LEVEL: 'silent', LINE_CHANNEL_SECRET: 'bench-channel-secret-0123456789ab', LINE_CHANNEL_ACCESS_TOKEN: 'bench-token', LINE_API_BASE_URL: standInUrl, LIFF_ID: '2000000000-benchAAA', LINE_LOGIN_CHANNEL_ID: '2000000000' };
const pg = await benchPostgres(55497);
let counting = false;
const statements = new Map<string, number>();
const database = await openDatabase({
  url: pg.url,
  poolMax: 20,
  onQuery: (q) => {
    if (!counting) return;
    const kind = q.replace(/\s+/g, ' ').trim().slice(0, 60);
    statements.set(kind, (statements.get(kind) ?? 0) + 1);
  },
});
try {
  const c = createContainer({ config: loadConfig({ ...env, INBOX_WORKER_ENABLED: 'true' }), database, clock: systemClock, log: () => {} });
  await prepareDatabase(c);
  await seedOrg(c, {
    slug: 'bench',
    units: ['กลุ่มงานยุทธศาสตร์'],
    officers: users.map((u, i) => ({ name: `เจ้าหน้าที่ ทดสอบ${i}`, unit: 'กลุ่มงานยุทธศาสตร์', lineUserId: u })),
    assignments: [1, 2, 3, 12].map((item) => ({ item, unit: 'กลุ่มงานยุทธศาสตร์', due: '2025-03-31', people: [['เจ้าหน้าที่ ทดสอบ0', 'preparer'] as [string, 'preparer']] })),
  });
  const at = new Date();
  for (let r = 0; r < EVENTS / 5; r += 200) {
    const rows = Array.from({ length: Math.min(200, EVENTS / 5 - r) }, (_, k) => textEvents(at.getTime(), (r + k) * 5))
      .flat().map((event) => ({ webhookEventId: event.webhookEventId, destination: 'Ubench', at, event }));
    await c.lineBot.inbox.insertRows(rows);
  }
  await database.db.execute(sql`analyze line_inbox`);
  console.log(`bench:webhook-worker on PostgreSQL: ${EVENTS} events backlogged (5 per request, 20 users)`);
  // BENCH_PROFILE=<file>: a CPU profile of the worker's run alone (open it in Chrome DevTools).
  const profiler = process.env.BENCH_PROFILE ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  counting = true;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const n = await c.lineBot.worker.processPending();
  const ms = performance.now() - t0;
  const cu = process.cpuUsage(c0);
  counting = false;
  if (profiler) writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify((await profiler.post('Profiler.stop')).profile));
  const st = Object.fromEntries(rowsOf<{ status: string; n: number }>(await database.db.execute(sql`select status, count(*)::int as n from line_inbox group by status`)).map((r) => [r.status, r.n]));
  const cpuMs = (cu.user + cu.system) / 1000;
  const total = [...statements.values()].reduce((a, b) => a + b, 0);
  console.log(`  worker alone: ${((1000 * n) / ms).toFixed(0)} events/s (${n} events in ${(ms / 1000).toFixed(1)} s; done ${st.done ?? 0}, failed ${st.failed ?? 0}, pending ${st.pending ?? 0}; worker cpu ${((100 * cpuMs) / ms).toFixed(0)}% of one core, ${((1000 * cpuMs) / n).toFixed(0)} µs per event)`);
  console.log(`  statements: ${total} (${(total / n).toFixed(2)} per event); the most frequent:`);
  for (const [k, v] of [...statements].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${String(v).padStart(6)}  ${(v / n).toFixed(3)}/event  ${k}`);
} finally {
  await database.close();
  standIn.send({ cmd: 'close' });
  await pg.stop();
}
