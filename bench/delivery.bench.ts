/**
 * npm run bench:delivery — a simulated province (32 units × 35 items × 3 people, an admin and the
 * working group's LINE group of 40 opted in to the daily summary) through a 60-day preparation
 * with the default policy, on an injected clock: items are started, submitted (most on time,
 * some late, a few never), returned and approved through the real use cases, the scheduler's
 * jobs run at 08:30 and the sender drains through the day, against the LINE stand-in metering
 * messages per recipient. Three times: an unlimited budget, LINE's Basic plan (15,000 a month)
 * and the free plan (300). Prints messages by kind, what was merged, dropped, held or expired,
 * whether every review request and escalation went out (alone, in a reviewer's digest, or on a
 * free reply), the levels chosen, and planner time.
 * Real PostgreSQL (BENCH_DATABASE_URL, or a throwaway cluster on 127.0.0.1).
 */
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { createContainer, prepareDatabase } from '../src/container.ts';
import { openDatabase, rowsOf } from '../src/db/client.ts';
import { isAppError } from '../src/shared/errors.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { startLineApiStandIn } from '../test/fakes/line-api.ts';
import { benchPostgres, percentiles } from './support/pg.ts';
import { addDays, behaviour, GROUP_ID, GROUP_MEMBERS, isWorkday, ITEMS, seedProvince, UNITS, type Action } from './support/province.ts';

const START = '2025-01-06'; // Monday 6 January 2025 (พ.ศ. 2568): 60 days to 6 March, across three LINE months
const DAYS = Number(process.env.BENCH_DAYS ?? 60);
const bangkok = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00Z`) + (minutes - 7 * 60) * 60_000);
const n = (x: number) => x.toLocaleString('en-US');

const pg = await benchPostgres(55516);
const base = new URL(pg.url);

async function scenario(label: string, quota: number | null) {
  const dbName = `${base.pathname.slice(1)}_${quota ?? 'unlimited'}`;
  const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  await admin.end();
  const url = new URL(pg.url);
  url.pathname = `/${dbName}`;
  const standIn = await startLineApiStandIn({ recordBodies: false });
  standIn.setQuota(quota);
  standIn.setGroupMembers(GROUP_ID, GROUP_MEMBERS);
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url.toString(), LINE_CHANNEL_SECRET: 'x', LINE_CHANNEL_ACCESS_TOKEN: 'y', LINE_API_BASE_URL: standIn.url, PUBLIC_BASE_URL: 'https://ita.example.go.th' });
  const database = await openDatabase({ url: config.database.url, poolMax: 5 });
  const clock = fixedClock(bangkok(START, 7 * 60));
  const log: string[] = [];
  const c = createContainer({ config, database, clock, log: (l) => log.push(l) });
  await prepareDatabase(c);
  const db = database.db;
  const p = await seedProvince(db, START);
  const actions = behaviour(p, START);
  const byDay = new Map<string, Action[]>();
  for (const a of actions) byDay.set(a.day, [...(byDay.get(a.day) ?? []), a]);
  const planMs: number[] = [];
  const levels = new Map<string, Set<string>>();
  const skipped = { actions: 0 };
  const admin_ = { kind: 'admin' as const, orgId: p.orgId, ref: 'bench' };
  const asOfficer = (id: number) => ({ kind: 'officer' as const, orgId: p.orgId, officerId: id, isAdmin: false });

  async function act(a: Action) {
    const prep = asOfficer(p.officer(a.unit, 'preparer'));
    try {
      if (a.step === 'start') await c.assignments.transition(prep, a.assignment, 'start');
      if (a.step === 'submit') {
        const d = await c.assignments.detail(admin_, a.assignment);
        if (d.evidence.length === 0) await c.assignments.addEvidence(prep, a.assignment, { url: `https://www.province.go.th/ita/u${a.unit + 1}/${a.assignment}` });
        await c.assignments.transition(prep, a.assignment, 'submit', { confirmIncomplete: true });
      }
      if (a.step === 'return') await c.assignments.transition(asOfficer(p.officer(a.unit, 'supervisor')), a.assignment, 'return', { note: 'ขาดองค์ประกอบข้อ (2) กรุณาเพิ่มเติม' });
      if (a.step === 'approve') {
        // Two-step review (workflow.ts): the supervisor checks, then the certifier approves (certifies).
        await c.assignments.transition(asOfficer(p.officer(a.unit, 'supervisor')), a.assignment, 'check');
        if ((await c.assignments.detail(admin_, a.assignment)).assignment.status === 'checked') {
          await c.assignments.transition(asOfficer(p.officer(a.unit, 'certifier')), a.assignment, 'approve');
        }
      }
    } catch (e) {
      if (!isAppError(e)) throw e;
      skipped.actions++; // e.g. "start" after the item was already submitted
    }
  }

  const t0 = performance.now();
  for (let i = 0; i < DAYS; i++) {
    const day = addDays(START, i);
    if (day.slice(8) === '01') standIn.setUsage(0); // LINE's month starts again
    if (!isWorkday(day)) continue;
    clock.set(bangkok(day, 8 * 60 + 30));
    const tp = performance.now();
    const r = await c.reminders.planReminders(clock.now());
    const s = await c.reminders.planSummaries(clock.now());
    planMs.push(performance.now() - tp);
    const month = day.slice(0, 7);
    levels.set(month, (levels.get(month) ?? new Set()).add(r.budget?.level ?? 'full').add(s.budget?.level ?? 'full'));
    await c.reminders.drain(() => clock.now());
    // People act through the day; the sender drains at 10:00, 12:00, 14:00, 16:00 and 17:00.
    const checkpoints = [10, 12, 14, 16, 17].map((h) => h * 60);
    let next = 0;
    const drainUntil = async (minutes: number) => {
      for (; next < checkpoints.length && checkpoints[next]! <= minutes; next++) {
        clock.set(bangkok(day, checkpoints[next]!));
        await c.reminders.drain(() => clock.now());
      }
    };
    for (const a of byDay.get(day) ?? []) {
      await drainUntil(a.minutes);
      clock.set(bangkok(day, a.minutes));
      await act(a);
    }
    await drainUntil(24 * 60);
  }
  const simMs = performance.now() - t0;

  type Row = { kind: string; status: string; n: number; cost: number };
  const rows = rowsOf<Row>(await db.execute(sql`select kind, status, count(*)::int as n, sum(cost)::int as cost from outbox group by kind, status order by kind, status`));
  const pick = (f: (r: Row) => boolean, k: 'n' | 'cost' = 'n') => rows.filter(f).reduce((s, r) => s + Number(r[k]), 0);
  const kinds = [...new Set(rows.map((r) => r.kind))].sort();
  const status = await c.delivery.status(clock.now());
  const approved = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from assignments where status = 'approved'`))[0]!.n;
  // Delivered = pushed (alone or carrying a digest), merged into a digest that was pushed, or gone with a free reply.
  type Reach = { kind: string; planned: number; pushed: number; digests: number; in_digests: number; on_replies: number };
  const reach = rowsOf<Reach>(await db.execute(sql`
    with rr as (
      select o.id, o.kind, o.status, o.note, substring(o.note from 'merged into the digest message #([0-9]+)')::bigint as lead
      from outbox o where o.kind in ('review_request', 'escalation')
    )
    select kind, count(*)::int as planned,
      count(*) filter (where status = 'sent')::int as pushed,
      count(*) filter (where status = 'sent' and id in (select lead from rr where lead is not null))::int as digests,
      count(*) filter (where lead in (select id from rr where status = 'sent'))::int as in_digests,
      count(*) filter (where status = 'merged' and note like 'went with the reply%')::int as on_replies
    from rr group by kind order by kind desc`)).map((r) => ({ ...r, planned: Number(r.planned), pushed: Number(r.pushed), digests: Number(r.digests), in_digests: Number(r.in_digests), on_replies: Number(r.on_replies) }));
  const line = (k: string) => `${k} ${n(pick((r) => r.kind === k && r.status === 'sent'))}`;
  const out = [
    `\nbudget: ${label}`,
    `  pushes sent ${n(pick((r) => r.status === 'sent'))} (LINE messages ${n(pick((r) => r.status === 'sent', 'cost'))}; stand-in metered ${n(standIn.usage())} this month): ${kinds.map(line).join(', ')}`,
    `  merged ${n(pick((r) => r.status === 'merged'))}, dropped ${n(pick((r) => r.status === 'dropped'))} (${kinds.filter((k) => pick((r) => r.kind === k && r.status === 'dropped')).map((k) => `${k} ${n(pick((r) => r.kind === k && r.status === 'dropped'))}`).join(', ') || 'none'}), still pending at the end ${n(pick((r) => r.status === 'pending'))}, expired ${n(pick((r) => r.status === 'expired'))}, failed ${n(pick((r) => r.status === 'failed'))}`,
    ...reach.map((r) => `  ${r.kind === 'review_request' ? 'review requests' : 'escalations'}: ${n(r.planned)} planned, ${n(r.pushed - r.digests)} pushed alone, ${n(r.digests + r.in_digests)} in ${n(r.digests)} digest pushes, ${n(r.on_replies)} on free replies: ${n(r.pushed + r.in_digests + r.on_replies)} delivered${r.pushed + r.in_digests + r.on_replies < r.planned ? ' (NOT all)' : ' (all)'}`),
    `  levels by month: ${[...levels].map(([m, l]) => `${m} ${[...l].join('→')}`).join(', ')}; held now: ${status.held ? `${status.held.reason} until ${status.held.until.toISOString()}` : 'no'}`,
    `  planner (reminders + summaries, ${planMs.length} mornings): total ${(planMs.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s, p50 ${percentiles(planMs).p50.toFixed(0)} ms, max ${Math.max(...planMs).toFixed(0)} ms; whole simulation ${(simMs / 1000).toFixed(1)} s`,
    `  (${n(actions.length)} actions, ${skipped.actions} not applicable; ${n(approved)} of ${n(UNITS * ITEMS)} items approved by day ${DAYS})`,
  ];
  for (const l of out) console.log(l);
  await database.close();
  await standIn.close();
}

try {
  console.log(`delivery benchmark: a province of ${UNITS} units × ${ITEMS} items × 3 people (${n(UNITS * ITEMS)} assignments, ${UNITS * 3 + 1} officers, a LINE group of ${GROUP_MEMBERS} with the daily summary), ${DAYS} days from ${START}, default policy, real PostgreSQL`);
  // BENCH_BUDGETS=300 (or unlimited,15000,300, the default) runs only those scenarios.
  const only = (process.env.BENCH_BUDGETS ?? 'unlimited,15000,300').split(',');
  if (only.includes('unlimited')) await scenario('unlimited (no quota on the plan)', null);
  if (only.includes('15000')) await scenario("15,000 a month (LINE's Basic plan)", 15_000);
  if (only.includes('300')) await scenario('300 a month (the free plan)', 300);
} finally {
  await pg.stop();
}
