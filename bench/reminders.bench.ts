/**
 * npm run bench:reminders — national scale on real PostgreSQL: 100,000 then 300,000 assignments
 * (~8,300 organizations × 36), planning time and memory at both sizes (memory must stay flat),
 * then draining the outbox against a local LINE stand-in (own process, 20 ms per request):
 * pushes/s, duplicates (must be 0), lost (must be 0), peak RSS.
 * Uses BENCH_DATABASE_URL, or starts a throwaway cluster with scripts/pg-throwaway.sh and stops it.
 * Options: BENCH_ASSIGNMENTS (default 300000), BENCH_SEND_LIMIT_S (drain time bound, default 180).
 */
import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { createContainer, prepareDatabase } from '../src/container.ts';
import { openDatabase, rowsOf } from '../src/db/client.ts';
import { fixedClock } from '../src/shared/clock.ts';

const TOTAL = Number(process.env.BENCH_ASSIGNMENTS ?? 300_000);
const PER_ORG = 36; // 18 items × 2 units
const SEND_LIMIT_S = Number(process.env.BENCH_SEND_LIMIT_S ?? 180);
const NOW = new Date('2025-01-15T02:00:00Z'); // Wednesday 09:00 Bangkok
const root = new URL('..', import.meta.url).pathname;

let pgDir: string | undefined;
let adminUrl = process.env.BENCH_DATABASE_URL;
if (!adminUrl) {
  pgDir = mkdtempSync(join(tmpdir(), 'bench-pg-'));
  adminUrl = execFileSync('sh', [join(root, 'scripts/pg-throwaway.sh'), 'start', pgDir, '55499']).toString().trim();
}
const dbName = `bench_reminders_${process.pid}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;

const standIn = fork(new URL('./line-stand-in.child.ts', import.meta.url).pathname, [], { env: { ...process.env, LATENCY_MS: '20' } });
const standInUrl = await new Promise<string>((r) => standIn.once('message', (m: any) => r(m.url)));
const standInStats = () => new Promise<any>((r) => { standIn.once('message', r); standIn.send({ cmd: 'stats' }); });

const config = loadConfig({
  LOG_LEVEL: 'silent', DATABASE_URL: url.toString(), DATABASE_POOL_MAX: '20', LINE_CHANNEL_SECRET: 'x', LINE_CHANNEL_ACCESS_TOKEN: 'y', LINE_API_BASE_URL: standInUrl, PUBLIC_BASE_URL: 'https://ita.example.go.th',
  ...(process.env.SENDER_CONCURRENCY ? { SENDER_CONCURRENCY: process.env.SENDER_CONCURRENCY } : {}),
  ...(process.env.SEND_RATE_PER_SECOND ? { SEND_RATE_PER_SECOND: process.env.SEND_RATE_PER_SECOND } : {}),
});
const database = await openDatabase({ url: config.database.url, poolMax: config.database.poolMax });
const clock = fixedClock(NOW);
const c = createContainer({ config, database, clock, log: () => {} });
await prepareDatabase(c);
const db = database.db;

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
/** Samples RSS while `fn` runs: the peak of this phase (maxRSS of the process only ever grows). */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number; startRss: number }> {
  globalThis.gc?.();
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  const timer = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage.rss()); }, 20);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t0, peakRss: Math.max(peakRss, process.memoryUsage.rss()), startRss };
  } finally {
    clearInterval(timer);
  }
}

/** Organizations (from, to] with 2 units, 11 officers (8 preparers, 2 reviewers, 1 admin), 36 assignments each. */
async function generate(fromOrg: number, toOrg: number) {
  await db.execute(sql`insert into organizations (slug, name) select 'b' || g, 'หน่วยงาน ' || g from generate_series(${fromOrg + 1}::int, ${toOrg}::int) g`);
  const scope = sql`(select id from organizations where slug ~ '^b[0-9]+$' and substr(slug, 2)::int > ${fromOrg}::int)`;
  await db.execute(sql`insert into units (org_id, name, name_key) select o.id, 'กอง ' || u, 'กอง' || u from ${scope} o, generate_series(1, 2) u`);
  await db.execute(sql`insert into officers (org_id, name, name_key, line_user_id, is_admin)
    select o.id, 'เจ้าหน้าที่ ' || k, 'officer' || k, 'U' || md5(o.id || '-' || k), k = 11 from ${scope} o, generate_series(1, 11) k`);
  await db.execute(sql`insert into cycles (org_id, year, catalog_year) select id, 2568, 2568 from ${scope} o`);
  // Due dates spread over 20 days back … 40 ahead; statuses mixed as in a real year.
  await db.execute(sql`insert into assignments (org_id, cycle_id, item_id, unit_id, due_on, status)
    select c.org_id, c.id, ci.id, u.id,
      ${'2025-01-15'}::date + (abs(hashtext(c.id || '-' || ci.number || '-' || u.id)) % 61) - 20,
      (array['not_started','not_started','not_started','in_progress','in_progress','returned','submitted','approved','approved','not_applicable'])[1 + abs(hashtext(u.id || ':' || ci.number)) % 10]::assignment_status
    from cycles c join units u on u.org_id = c.org_id join catalog_items ci on ci.year = 2568 and ci.number <= 18
    where c.org_id in ${scope}`);
  for (const [role, k] of [['preparer', sql`1 + a.id % 8`], ['supervisor', sql`9`], ['certifier', sql`10`]] as const) {
    await db.execute(sql`insert into assignment_people (assignment_id, officer_id, role, org_id)
      select a.id, o.id, ${role}::person_role, a.org_id from assignments a
      join officers o on o.org_id = a.org_id and o.name_key = 'officer' || (${k})
      where a.org_id in ${scope}`);
  }
  await db.execute(sql`analyze`);
}

const count = async (q: string) => Number(rowsOf<{ n: number }>(await db.execute(sql.raw(q)))[0]!.n);
const lines: string[] = [];
const print = (s: string) => { lines.push(s); console.log(s); };

try {
  print(`reminders benchmark: PostgreSQL ${adminUrl.replace(/\/\/[^@]*@/, '//')}, ${new Date().toISOString()}`);
  const sizes = [...new Set([Math.min(100_000, TOTAL), TOTAL])];
  let orgs = 0;
  for (const size of sizes) {
    const target = Math.ceil(size / PER_ORG);
    const t0 = performance.now();
    await generate(orgs, target);
    orgs = target;
    const n = await count('select count(*)::int as n from assignments');
    print(`\n${n.toLocaleString()} assignments in ${orgs.toLocaleString()} organizations (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    await db.execute(sql`truncate outbox`);
    const plan = await measured(() => c.reminders.planReminders(NOW));
    print(`  plan reminders: ${(plan.ms / 1000).toFixed(2)} s, ${plan.value.planned.toLocaleString()} messages (${JSON.stringify(plan.value.byKind)}), RSS ${mb(plan.startRss)} → peak ${mb(plan.peakRss)}`);
    const again = await measured(() => c.reminders.planReminders(NOW));
    print(`  plan again (same day, nothing new): ${(again.ms / 1000).toFixed(2)} s, ${again.value.planned} messages`);
    const sum = await measured(() => c.reminders.planSummaries(NOW));
    print(`  plan daily summaries: ${(sum.ms / 1000).toFixed(2)} s, ${sum.value.planned.toLocaleString()} messages, peak RSS ${mb(sum.peakRss)}`);
  }

  const planned = await count('select count(*)::int as n from outbox');
  let sent = 0;
  const deadline = Date.now() + SEND_LIMIT_S * 1000;
  const drain = await measured(async () => {
    // Bounded in time: stop between drains once the limit is reached.
    while (Date.now() < deadline) {
      const r = await c.reminders.drain(() => clock.now());
      sent += r.sent;
      if (r.claimed === 0) break;
    }
  });
  const s = await standInStats();
  const unsent = await count(`select count(*)::int as n from outbox where status <> 'sent'`);
  print(`\ndrain: ${sent.toLocaleString()} of ${planned.toLocaleString()} pushes in ${(drain.ms / 1000).toFixed(1)} s = ${Math.round(sent / (drain.ms / 1000)).toLocaleString()} pushes/s`);
  print(`  (stand-in latency 20 ms/request, concurrency ${config.reminders.senderConcurrency}, rate limit ${config.reminders.sendRatePerSecond}/s)`);
  print(`  stand-in: ${s.requests} push requests, ${s.accepted} accepted, ${s.distinctKeys} distinct retry keys`);
  print(`  duplicates: ${s.duplicateAccepts} by retry key, ${s.duplicateRecipientKind} by recipient × kind (must be 0)`);
  print(`  not sent: ${unsent} ${unsent && Date.now() >= deadline ? `(time limit ${SEND_LIMIT_S} s reached)` : '(lost: must be 0)'}`);
  print(`  peak RSS while sending ${mb(drain.peakRss)}; process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  standIn.send({ cmd: 'close' });
  await database.close();
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  if (pgDir) {
    execFileSync('sh', [join(root, 'scripts/pg-throwaway.sh'), 'stop', pgDir]);
    rmSync(pgDir, { recursive: true, force: true });
  }
}
