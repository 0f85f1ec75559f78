/**
 * npm run bench:webhook — on a real PostgreSQL, against 127.0.0.1 only, the topologies
 * (README, "Scaling out") measured one after another on one database:
 *  1. webhook-only instance (INBOX_WORKER_ENABLED=false, the real setting): the real POST
 *     /webhook (signature check on the raw bytes, inbox insert, 200) against a bare Fastify route
 *     that only verifies the signature, first at 200 requests/s (acknowledgement latency p50/p99),
 *     then unthrottled (throughput). Targets: real/bare ratio ≥ 0.5, p99 < 25 ms.
 *  2. worker alone: a worker instance (no webhook traffic) working through the backlog phase 1
 *     left, answering through the LINE API stand-in: events per second. Target ≥ 1,000.
 *  3. all-in-one (the default): the same webhook with the worker in the same process (on a thread
 *     of its own, src/inbox-processing.ts), under the same loads, and what it left pending;
 *  4. the same with the worker on the main thread (INBOX_WORKER_THREAD=false; PGlite's way).
 * Load comes from its own process (signed requests of 5 text events, unique event ids); the
 * stand-in runs in its own process too (LINE is a remote service: its CPU is not ours).
 * Latency at 200 req/s is measured OPEN LOOP (bench/support/webhook-open-loop.ts): requests at
 * exponentially distributed gaps (Poisson arrivals, mean 200/s, as independent deliveries come)
 * over keep-alive connections that are never all busy, each timed from its scheduled send time
 * (no coordinated omission) into an HDR histogram. autocannon's `overallRate` is not used for it:
 * it releases each connection's per-second budget back to back, so its p99 measured queueing in
 * bursts it made itself. Throughput is autocannon, unthrottled, closed loop (connections each
 * with one request in flight). Knobs: BENCH_SECONDS (10), BENCH_CONNECTIONS for the unthrottled runs (20),
 * BENCH_LINE_LATENCY_MS (0; LINE's real latency is tens of ms, which concurrency hides).
 * The open-loop generator stands in for LINE's servers, whose CPU is not ours: it runs at a higher
 * scheduling priority (nice -10, when the bench may set it), so that its sends are not made late
 * by the server and PostgreSQL on the same 2 cores (its lateness is printed either way). The
 * throughput runs keep autocannon at normal priority: there, it taking CPU from the server would
 * slow the bare route most and flatter the ratio. Each topology starts on a settled database
 * (VACUUM of line_inbox, CHECKPOINT), so that it is not measured while PostgreSQL writes out the
 * previous one's hundreds of thousands of rows. Before and after the runs, the disk under
 * PostgreSQL is probed (bench/support/disk-probe.ts): every acknowledgement waits for a commit's
 * flush, so a disk that stalls flushes puts its stalls into the p99, whatever the program does;
 * and during each 200 req/s run, what the inbox inserts were waiting for (insertWaits()).
 */
import { execFile, fork } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import { cpus, setPriority } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { validateSignature } from '@line/bot-sdk';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createContainer, prepareDatabase, type Container } from '../src/container.ts';
import { openDatabase, rowsOf } from '../src/db/client.ts';
import { startInboxProcessing } from '../src/inbox-processing.ts';
import { systemClock } from '../src/shared/clock.ts';
import { seedOrg } from '../test/helpers/seed.ts';
import { probeLine, probeSync } from './support/disk-probe.ts';
import { benchPostgres, percentiles } from './support/pg.ts';
import { users } from './support/webhook-events.ts';

const SECRET = 'bench-channel-secret-0123456789ab';
const TOKEN = 'bench-token';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAX_CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
type Load = { rps: number; p50: number; p99: number; non2xx: number; errors: number; cpu: string; maxInFlight?: number; lagP99?: number };

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
 * A load generator in a child process: with `rate`, the open-loop one (bench/support/webhook-open-loop.ts),
 * else autocannon closed loop (bench/support/webhook-load.ts); 5 signed text events per request.
 * Also where the CPU went, in % of one core: this process (servers, worker), the load generator,
 * and the whole machine (the rest is mostly PostgreSQL, plus whatever else runs on it).
 */
async function run(url: string, opts: { rate?: number; connections?: number; seconds?: number }): Promise<Load> {
  const seconds = String(opts.seconds ?? SECONDS);
  const args = opts.rate
    ? [new URL('./support/webhook-open-loop.ts', import.meta.url).pathname, url, seconds, String(opts.rate)]
    : [new URL('./support/webhook-load.ts', import.meta.url).pathname, url, seconds, String(opts.connections)];
  const m0 = machineCpu();
  const s0 = process.cpuUsage();
  const t0 = performance.now();
  const child = promisify(execFile)(process.execPath, args, { env: { ...process.env, BENCH_LINE_SECRET: SECRET }, timeout: 120_000 });
  if (opts.rate && child.child.pid) raisePriority(child.child.pid);
  const { stdout } = await child;
  const wall = performance.now() - t0;
  const s = process.cpuUsage(s0);
  const m1 = machineCpu();
  const r = JSON.parse(stdout) as Omit<Load, 'cpu'> & { cpuMs: number };
  const pct = (ms: number) => `${((100 * ms) / wall).toFixed(0)}%`;
  const cores = cpus().length;
  const cpu = `cpu: server ${pct((s.user + s.system) / 1000)}, load generator ${pct(r.cpuMs)}, machine ${pct(((m1.busy - m0.busy) / (m1.total - m0.total)) * wall * cores)} of ${cores * 100}%`;
  return { ...r, cpu };
}

let priority = 'the open-loop generator (200 req/s) at nice -10';
function raisePriority(pid: number) {
  try {
    setPriority(pid, -10);
  } catch {
    priority = 'the open-loop generator (200 req/s) at normal priority (raising it was not permitted)';
  }
}
/** Writes out what the previous phase left (dirty pages, dead rows), so the next is measured on its own. */
async function settle() {
  await database.db.execute(sql`vacuum (analyze) line_inbox, line_inbox_request`);
  await database.db.execute(sql`checkpoint`);
}

const standIn = fork(new URL('./line-stand-in.child.ts', import.meta.url).pathname, [], { env: { ...process.env, LATENCY_MS: process.env.BENCH_LINE_LATENCY_MS ?? '0' } });
const standInUrl = await new Promise<string>((resolve) => standIn.once('message', (m: { url: string }) => resolve(m.url)));
const env = { LOG_LEVEL: 'silent', LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: standInUrl, LIFF_ID: '2000000000-benchAAA', LINE_LOGIN_CHANNEL_ID: '2000000000' };
const pg = await benchPostgres(55498);
const database = await openDatabase({ url: pg.url, poolMax: 20 });
/**
 * One instance of the app on the shared database, with the given settings, started as
 * src/server.ts starts it (its inbox worker on a thread of its own unless INBOX_WORKER_THREAD=false).
 */
async function instance(settings: { INBOX_WORKER_ENABLED: string; INBOX_WORKER_THREAD?: string }) {
  const c = createContainer({ config: loadConfig({ ...env, DATABASE_URL: pg.url, ...settings }), database, clock: systemClock, log: () => {} });
  const app = await buildApp(c);
  countInserts(c);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const processing = await startInboxProcessing({ worker: c.lineBot.worker, config: c.config, log: (m) => console.log(`  (${m})`) });
  return { c, url, close: async () => { await app.close(); await processing.stop(); } };
}

// Group commit at work: how many INSERT statements stored how many events, and how long each took.
const batches = { n: 0, rows: 0, ms: 0, each: [] as number[] };
function countInserts(c: Container) {
  const insertRequests = c.lineBot.inbox.insertRequests;
  c.lineBot.inbox.insertRequests = async (requests) => {
    const started = performance.now();
    await insertRequests(requests);
    batches.n++;
    batches.rows += requests.reduce((n, r) => n + r.keys.length, 0);
    batches.ms += performance.now() - started;
    batches.each.push(performance.now() - started);
  };
}
const batchLine = () => {
  const b = { ...batches };
  Object.assign(batches, { n: 0, rows: 0, ms: 0, each: [] });
  const p = percentiles(b.each);
  return `  inbox inserts: ${b.n} statements, ${(b.rows / Math.max(1, b.n)).toFixed(1)} events each, ${(b.ms / Math.max(1, b.n)).toFixed(2)} ms each (p50 ${p.p50?.toFixed(1)} ms, p99 ${p.p99?.toFixed(1)} ms)`;
};
const line = (name: string, r: Load) =>
  `  ${name.padEnd(16)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  non-2xx ${r.non2xx}  errors ${r.errors}` +
  (r.maxInFlight === undefined ? '' : `  (at most ${r.maxInFlight} in flight; generator sent late by p99 ${r.lagP99} ms)`) +
  `\n${''.padEnd(20)}${r.cpu}`;
/** Events by inbox status, and those still in stored requests not yet split into events (line_inbox_request). */
const byStatus = async () => {
  const rows = rowsOf<{ status: string; n: number }>(await database.db.execute(sql`
    select status, count(*)::int as n from line_inbox group by status
    union all select 'not yet split', sum(events)::int from line_inbox_request having count(*) > 0
    order by status`));
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
};
/**
 * The disk's flush latency (bench/support/disk-probe.ts), next to PostgreSQL's data directory when
 * it is on this machine and we may write beside it (the throwaway cluster's own temporary directory).
 */
async function disk(when: string) {
  const rows = rowsOf<{ data_directory: string }>(await database.db.execute(sql`show data_directory`));
  const dir = dirname(rows[0]!.data_directory);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return console.log(`  ${when}: disk probe skipped (PostgreSQL's data directory ${rows[0]!.data_directory} is not writable here)`);
  }
  console.log(`  ${when}: ${probeLine(await probeSync(dir), dir)}`);
}
const waiting = (s: Record<string, number>) => (s.pending ?? 0) + (s['not yet split'] ?? 0);
const statusLine = (s: Record<string, number>) => Object.entries(s).map(([k, n]) => `${k} ${n}`).join(', ') || 'empty';
/**
 * What the inbox INSERTs wait for while they run, sampled from pg_stat_activity every 10 ms during
 * the 200 req/s run: IO:WALSync is the commit's flush (the disk), LWLock:WALWrite another
 * backend's flush it waits behind, "CPU" no wait at all. It tells a slow disk from slow code.
 */
function insertWaits() {
  const seen = new Map<string, number>();
  let on = true;
  const loop = (async () => {
    while (on) {
      const rows = rowsOf<{ w: string }>(await database.db.execute(sql`
        select coalesce(wait_event_type || ':' || wait_event, 'CPU') as w from pg_stat_activity
        where state = 'active' and pid <> pg_backend_pid() and query like '%insert into line_inbox_request%'`));
      for (const { w } of rows) seen.set(w, (seen.get(w) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    async stop() {
      on = false;
      await loop;
      const total = [...seen.values()].reduce((a, b) => a + b, 0);
      const parts = [...seen].sort((a, b) => b[1] - a[1]).map(([w, n]) => `${w} ${((100 * n) / total).toFixed(0)}%`);
      return `inbox inserts caught running (every 10 ms): ${total}${total ? `, waiting for ${parts.join(', ')}` : ''}`;
    },
  };
}
/** The fixed-rate and the unthrottled run against one server. */
async function loads(url: string, name: string, o: { worker?: boolean } = {}) {
  await run(url, { connections: 10, seconds: 2 }); // warm-up
  batchLine();
  const waitingBefore = o.worker ? waiting(await byStatus()) : 0;
  // How long this process's event loop (the server's, and the worker's when it shares it) was late
  // to serve a ready callback: a request waits at least that long before it is even read.
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const waits = name === 'bare signature' ? null : insertWaits(); // the bare route stores nothing
  const fixed = await run(url, { rate: 200 });
  loop.disable();
  const kept = o.worker ? `\n  events waiting for the worker: ${waitingBefore} when the 200 req/s run started (the warm-up's), ${waiting(await byStatus())} when it ended` : '';
  const fixedInserts = `${batchLine()}${kept}\n  event loop delay: p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms\n  ${await waits?.stop()}`;
  const max = await run(url, { connections: MAX_CONNECTIONS });
  const maxInserts = batchLine();
  console.log(`  Poisson arrivals at 200 requests/s, open loop (acknowledgement latency):\n${line(name, fixed)}${name === 'bare signature' ? '' : `\n${fixedInserts}`}`);
  console.log(`  unthrottled (throughput):\n${line(name, max)}${name === 'bare signature' ? '' : `\n${maxInserts}`}`);
  return { fixed, max };
}
const verdict = (name: string, r: { fixed: Load; max: Load }, bare: { max: Load }) => {
  const ratio = r.max.rps / bare.max.rps;
  return `  ${name}: throughput ratio real/bare ${ratio.toFixed(3)} (target ≥ 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}; p99 at 200 req/s ${r.fixed.p99} ms (target < 25 ms) ${r.fixed.p99 < 25 ? 'OK' : 'ABOVE TARGET'}`;
};

const bare = Fastify({ logger: false });
const open: Array<{ close(): Promise<unknown>; c?: Container }> = [];
try {
  const seeder = createContainer({ config: loadConfig(env), database, clock: systemClock, log: () => {} });
  await prepareDatabase(seeder);
  await seedOrg(seeder, {
    slug: 'bench',
    units: ['กลุ่มงานยุทธศาสตร์'],
    officers: users.map((u, i) => ({ name: `เจ้าหน้าที่ ทดสอบ${i}`, unit: 'กลุ่มงานยุทธศาสตร์', lineUserId: u })),
    assignments: [1, 2, 3, 12].map((item) => ({ item, unit: 'กลุ่มงานยุทธศาสตร์', due: '2025-03-31', people: [['เจ้าหน้าที่ ทดสอบ0', 'preparer'] as [string, 'preparer']] })),
  });
  bare.removeAllContentTypeParsers();
  bare.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1_048_576 }, (_r, body, done) => done(null, body));
  bare.post('/webhook', async (req, reply) => {
    const sig = req.headers['x-line-signature'];
    if (typeof sig !== 'string' || !validateSignature(req.body as Buffer, SECRET, sig)) return reply.status(401).send({});
    return reply.status(200).send({});
  });
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

  console.log(`bench:webhook on PostgreSQL, 5 text events per request, ${SECONDS} s per run (after a 2 s warm-up of each server); machine: ${cpus().length} cores`);
  await run(bareUrl, { rate: 50, seconds: 1 }); // tells whether the generator's priority could be raised
  console.log(`load generators: ${priority}; each topology starts on a settled database (VACUUM of the inbox tables, CHECKPOINT)`);
  await disk('before the runs');
  console.log('bare Fastify route (signature check only):');
  const bareLoads = await loads(bareUrl, 'bare signature');

  await settle();
  console.log('1. webhook-only instance (INBOX_WORKER_ENABLED=false):');
  const hookOnly = await instance({ INBOX_WORKER_ENABLED: 'false' });
  open.push(hookOnly);
  const hookLoads = await loads(hookOnly.url, 'real /webhook');
  await hookOnly.close();
  open.pop();
  const backlog = await byStatus();
  console.log(`  inbox after the load: ${statusLine(backlog)}`);

  console.log(`2. worker alone (INBOX_WORKER_ENABLED=true, no webhook traffic), working through that backlog for ${SECONDS} s:`);
  await settle();
  const worker = createContainer({ config: loadConfig({ ...env, INBOX_WORKER_ENABLED: 'true' }), database, clock: systemClock, log: () => {} });
  const c0 = process.cpuUsage();
  const started = performance.now();
  worker.lineBot.worker.start();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  await worker.lineBot.worker.stop();
  const seconds = (performance.now() - started) / 1000;
  const cu = process.cpuUsage(c0);
  const after = await byStatus();
  const processed = (after.done ?? 0) + (after.failed ?? 0) - (backlog.done ?? 0) - (backlog.failed ?? 0);
  const rate = processed / seconds;
  console.log(`  worker alone: ${rate.toFixed(0)} events/s (${processed} events in ${seconds.toFixed(1)} s; ${after.failed ?? 0} failed in all; worker cpu ${((100 * (cu.user + cu.system)) / 1000 / (seconds * 1000)).toFixed(0)}% of one core) (target ≥ 1,000) ${rate >= 1000 ? 'OK' : 'BELOW TARGET'}`);
  // What is left of the backlog is set aside, so the all-in-one run starts from an empty inbox.
  await database.db.execute(sql`delete from line_inbox where status = 'pending'`);
  await database.db.execute(sql`delete from line_inbox_request`);
  await settle();

  console.log('3. all-in-one instance (webhook and worker in one process, the default; with PostgreSQL the worker on a thread of its own, at nice 10):');
  const allInOne = await instance({ INBOX_WORKER_ENABLED: 'true' });
  open.push(allInOne);
  const allLoads = await loads(allInOne.url, 'real /webhook', { worker: true });
  console.log(`  inbox after the load: ${statusLine(await byStatus())}`);
  await allInOne.close();
  open.pop();
  await database.db.execute(sql`delete from line_inbox where status = 'pending'`);
  await database.db.execute(sql`delete from line_inbox_request`);
  await settle();

  console.log('4. all-in-one instance, the worker on the main thread (INBOX_WORKER_THREAD=false, as with PGlite):');
  const oneThread = await instance({ INBOX_WORKER_ENABLED: 'true', INBOX_WORKER_THREAD: 'false' });
  open.push(oneThread);
  const oneThreadLoads = await loads(oneThread.url, 'real /webhook', { worker: true });
  console.log(`  inbox after the load: ${statusLine(await byStatus())}`);
  await oneThread.close();
  open.pop();

  await disk('after the runs');
  console.log('verdict:');
  console.log(verdict('webhook-only', hookLoads, bareLoads));
  console.log(verdict('all-in-one', allLoads, bareLoads));
  console.log(verdict('all-in-one, one thread', oneThreadLoads, bareLoads));
} finally {
  await bare.close();
  for (const o of open) await o.close();
  await database.close();
  standIn.send({ cmd: 'close' });
  await pg.stop();
}
