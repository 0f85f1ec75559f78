/**
 * npm run bench:webhook — on a real PostgreSQL, against 127.0.0.1 only:
 * autocannon drives signed webhook requests (batches of 5 text events, unique event ids) at
 *  (a) the real POST /webhook (signature check, inbox insert, 200; processing runs after), and
 *  (b) a bare Fastify route that only verifies the signature and returns 200,
 * first at a fixed 200 requests/s (acknowledgement latency p50/p99), then unthrottled (throughput).
 * Targets: real/bare throughput ratio ≥ 0.5; p99 < 25 ms at 200 requests/s. The load generator runs
 * in its own process, and so does the LINE API stand-in (LINE is a remote service: its CPU is not
 * ours); both servers share this one (the real one also processes its inbox here, as in production).
 * Then the inbox worker alone: events processed per second, answered through the stand-in.
 * Knobs: BENCH_SECONDS (10), BENCH_CONNECTIONS for the unthrottled runs (20), BENCH_LINE_LATENCY_MS
 * (0; LINE's real latency is tens of ms, which concurrency hides), BENCH_ACK_ONLY=1 (no processing).
 */
import { execFile, fork } from 'node:child_process';
import { cpus } from 'node:os';
import { promisify } from 'node:util';
import { validateSignature } from '@line/bot-sdk';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createContainer, prepareDatabase } from '../src/container.ts';
import { openDatabase, rowsOf } from '../src/db/client.ts';
import { systemClock } from '../src/shared/clock.ts';
import { seedOrg } from '../test/helpers/seed.ts';
import { benchPostgres } from './support/pg.ts';

const SECRET = 'bench-channel-secret-0123456789ab';
const TOKEN = 'bench-token';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAX_CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const users = Array.from({ length: 20 }, (_, i) => `U${(i + 1).toString(16).padStart(32, '0')}`);
type Load = { rps: number; p50: number; p99: number; non2xx: number; errors: number; cpu: string };

/** Busy and total CPU time of the whole machine so far (all cores), in ms. */
function machineCpu() {
  let busy = 0;
  let total = 0;
  for (const { times: t } of cpus()) {
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total };
}

/**
 * autocannon in a child process (bench/support/webhook-load.ts): 5 signed text events per request.
 * Also where the CPU went, in % of one core: this process (servers, worker), the load generator,
 * and the whole machine (the rest is mostly PostgreSQL, plus whatever else runs on it).
 */
async function run(url: string, opts: { rate?: number; connections: number; seconds?: number }): Promise<Load> {
  const args = [new URL('./support/webhook-load.ts', import.meta.url).pathname, url, String(opts.seconds ?? SECONDS), String(opts.connections), ...(opts.rate ? [String(opts.rate)] : [])];
  const m0 = machineCpu();
  const s0 = process.cpuUsage();
  const t0 = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, args, { env: { ...process.env, BENCH_LINE_SECRET: SECRET }, timeout: 120_000 });
  const wall = performance.now() - t0;
  const s = process.cpuUsage(s0);
  const m1 = machineCpu();
  const r = JSON.parse(stdout) as Omit<Load, 'cpu'> & { cpuMs: number };
  const pct = (ms: number) => `${((100 * ms) / wall).toFixed(0)}%`;
  const cores = cpus().length;
  const cpu = `cpu: server ${pct((s.user + s.system) / 1000)}, load generator ${pct(r.cpuMs)}, machine ${pct(((m1.busy - m0.busy) / (m1.total - m0.total)) * wall * cores)} of ${cores * 100}%`;
  return { ...r, cpu };
}

const standIn = fork(new URL('./line-stand-in.child.ts', import.meta.url).pathname, [], { env: { ...process.env, LATENCY_MS: process.env.BENCH_LINE_LATENCY_MS ?? '0' } });
const standInUrl = await new Promise<string>((resolve) => standIn.once('message', (m: { url: string }) => resolve(m.url)));
const config = loadConfig({ LOG_LEVEL: 'silent', LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: standInUrl, LIFF_ID: '2000000000-benchAAA', LINE_LOGIN_CHANNEL_ID: '2000000000' });
const pg = await benchPostgres(55498);
const database = await openDatabase({ url: pg.url, poolMax: 20 });
const c = createContainer({ config, database, clock: systemClock, log: () => {} });
const app = await buildApp(c);
const bare = Fastify({ logger: false });
try {
  await prepareDatabase(c);
  await seedOrg(c, {
    slug: 'bench',
    units: ['กลุ่มงานยุทธศาสตร์'],
    officers: users.map((u, i) => ({ name: `เจ้าหน้าที่ ทดสอบ${i}`, unit: 'กลุ่มงานยุทธศาสตร์', lineUserId: u })),
    assignments: [1, 2, 3, 12].map((item) => ({ item, unit: 'กลุ่มงานยุทธศาสตร์', due: '2025-03-31', people: [['เจ้าหน้าที่ ทดสอบ0', 'preparer'] as [string, 'preparer']] })),
  });
  // Group commit at work: how many INSERT statements stored how many events, and how long each took.
  const inbox = c.lineBot.inbox;
  const insertRows = inbox.insertRows;
  const batches = { n: 0, rows: 0, ms: 0 };
  inbox.insertRows = async (rows) => {
    const started = performance.now();
    await insertRows(rows);
    batches.n++;
    batches.rows += rows.length;
    batches.ms += performance.now() - started;
  };
  const batchLine = () => {
    const b = { ...batches };
    Object.assign(batches, { n: 0, rows: 0, ms: 0 });
    return `  inbox inserts: ${b.n} statements, ${(b.rows / Math.max(1, b.n)).toFixed(1)} events each, ${(b.ms / Math.max(1, b.n)).toFixed(2)} ms each`;
  };
  const realUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  // BENCH_ACK_ONLY=1 (diagnosis): measure the acknowledgement path alone, processing nothing.
  if (process.env.BENCH_ACK_ONLY === '1') c.lineBot.worker.kick = () => {};
  else c.lineBot.worker.start();

  bare.removeAllContentTypeParsers();
  bare.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1_048_576 }, (_r, body, done) => done(null, body));
  bare.post('/webhook', async (req, reply) => {
    const sig = req.headers['x-line-signature'];
    if (typeof sig !== 'string' || !validateSignature(req.body as Buffer, SECRET, sig)) return reply.status(401).send({});
    return reply.status(200).send({});
  });
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

  console.log(`bench:webhook on PostgreSQL, 5 text events per request, ${SECONDS} s per run (after a 2 s warm-up of each server)`);
  await run(realUrl, { connections: 10, seconds: 2 });
  batchLine();
  await run(bareUrl, { connections: 10, seconds: 2 });
  const line = (name: string, r: Load) =>
    `  ${name.padEnd(16)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(3)} ms  non-2xx ${r.non2xx}  errors ${r.errors}\n${''.padEnd(20)}${r.cpu}`;

  console.log('fixed rate 200 requests/s (acknowledgement latency):');
  const realFixed = await run(realUrl, { rate: 200, connections: 10 });
  console.log(line('real /webhook', realFixed));
  console.log(batchLine());
  const bareFixed = await run(bareUrl, { rate: 200, connections: 10 });
  console.log(line('bare signature', bareFixed));

  console.log('unthrottled (throughput):');
  const realMax = await run(realUrl, { connections: MAX_CONNECTIONS });
  console.log(line('real /webhook', realMax));
  console.log(batchLine());
  const bareMax = await run(bareUrl, { connections: MAX_CONNECTIONS });
  console.log(line('bare signature', bareMax));

  const ratio = realMax.rps / bareMax.rps;
  console.log(`throughput ratio real/bare: ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`);
  console.log(`p99 at 200 req/s: ${realFixed.p99} ms (target < 25 ms) ${realFixed.p99 < 25 ? 'OK' : 'ABOVE TARGET'}`);

  // Processing (after the acknowledgement), LINE answered by the stand-in: first what the worker
  // managed while the load ran, then its rate with the webhook idle.
  const byStatus = async () => {
    const rows = rowsOf<{ status: string; n: number }>(await database.db.execute(sql`select status, count(*)::int as n from line_inbox group by status order by status`));
    return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
  };
  const afterLoad = await byStatus();
  console.log(`inbox after the load: ${Object.entries(afterLoad).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  if (process.env.BENCH_ACK_ONLY !== '1') {
    const started = performance.now();
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const after = await byStatus();
    const processed = (after.done ?? 0) + (after.failed ?? 0) - (afterLoad.done ?? 0) - (afterLoad.failed ?? 0);
    const rate = processed / ((performance.now() - started) / 1000);
    console.log(`worker alone: ${rate.toFixed(0)} events/s (${processed} events in ${SECONDS} s; ${after.failed ?? 0} failed in all)`);
  }
  await c.lineBot.worker.stop();
} finally {
  await bare.close();
  await app.close();
  await c.lineBot.worker.stop();
  await database.close();
  standIn.send({ cmd: 'close' });
  await pg.stop();
}
