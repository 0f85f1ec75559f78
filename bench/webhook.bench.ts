/**
 * npm run bench:webhook — on a real PostgreSQL, against 127.0.0.1 only:
 * autocannon drives signed webhook requests (batches of 5 text events, unique event ids) at
 *  (a) the real POST /webhook (signature check, inbox insert, 200; processing runs after), and
 *  (b) a bare Fastify route that only verifies the signature and returns 200,
 * first at a fixed 200 requests/s (acknowledgement latency p50/p99), then unthrottled (throughput).
 * Targets: real/bare throughput ratio ≥ 0.5; p99 < 25 ms at 200 requests/s. The load generator runs
 * in its own process; both servers share this one (the real one also processes its inbox here).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { validateSignature } from '@line/bot-sdk';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createContainer, prepareDatabase } from '../src/container.ts';
import { openDatabase, rowsOf } from '../src/db/client.ts';
import { systemClock } from '../src/shared/clock.ts';
import { startLineApiStandIn } from '../test/fakes/line-api.ts';
import { seedOrg } from '../test/helpers/seed.ts';
import { benchPostgres } from './support/pg.ts';

const SECRET = 'bench-channel-secret-0123456789ab';
const TOKEN = 'bench-token';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const users = Array.from({ length: 20 }, (_, i) => `U${(i + 1).toString(16).padStart(32, '0')}`);
type Load = { rps: number; p50: number; p99: number; non2xx: number; errors: number };

/** autocannon in a child process (bench/support/webhook-load.ts): 5 signed text events per request. */
async function run(url: string, opts: { rate?: number; connections: number; seconds?: number }): Promise<Load> {
  const args = [new URL('./support/webhook-load.ts', import.meta.url).pathname, url, String(opts.seconds ?? SECONDS), String(opts.connections), ...(opts.rate ? [String(opts.rate)] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { env: { ...process.env, BENCH_LINE_SECRET: SECRET }, timeout: 120_000 });
  return JSON.parse(stdout) as Load;
}

const pg = await benchPostgres(55498);
const standIn = await startLineApiStandIn({ accessToken: TOKEN });
const database = await openDatabase({ url: pg.url, poolMax: 20 });
const config = loadConfig({ LOG_LEVEL: 'silent', LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: standIn.url });
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
  await run(bareUrl, { connections: 10, seconds: 2 });
  const line = (name: string, r: Load) =>
    `  ${name.padEnd(16)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(3)} ms  non-2xx ${r.non2xx}  errors ${r.errors}`;

  console.log('fixed rate 200 requests/s (acknowledgement latency):');
  const realFixed = await run(realUrl, { rate: 200, connections: 10 });
  console.log(line('real /webhook', realFixed));
  const bareFixed = await run(bareUrl, { rate: 200, connections: 10 });
  console.log(line('bare signature', bareFixed));

  console.log('unthrottled (throughput):');
  const realMax = await run(realUrl, { connections: 20 });
  console.log(line('real /webhook', realMax));
  const bareMax = await run(bareUrl, { connections: 20 });
  console.log(line('bare signature', bareMax));

  const ratio = realMax.rps / bareMax.rps;
  console.log(`throughput ratio real/bare: ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`);
  console.log(`p99 at 200 req/s: ${realFixed.p99} ms (target < 25 ms) ${realFixed.p99 < 25 ? 'OK' : 'ABOVE TARGET'}`);

  // How far processing (after the acknowledgement) got, with LINE answered by the local stand-in.
  await c.lineBot.worker.stop();
  const counts = rowsOf<{ status: string; n: number }>(await database.db.execute(sql`select status, count(*)::int as n from line_inbox group by status order by status`));
  console.log(`inbox after the runs: ${counts.map((r) => `${r.status} ${r.n}`).join(', ')}; LINE stand-in received ${standIn.delivered().length} sends`);
} finally {
  await bare.close();
  await app.close();
  await c.lineBot.worker.stop();
  await database.close();
  await standIn.close();
  await pg.stop();
}
