import type { Container } from '../../container.ts';
import type { Messages } from '../../messages/index.ts';
import type { PlanResult } from './planner.ts';
import type { DrainResult } from './sender.ts';

/**
 * What `remind --now` / `summary --now` do, as plain functions for src/cli.ts: plan as if it were
 * `now`, then send once (retries that are not due yet stay in the outbox for the next run).
 * With dryRun nothing is written or sent and the result lists every recipient and text.
 */
export type RunResult = PlanResult & {
  dryRun: boolean;
  sent: number;
  retried: number;
  failed: number;
  expired: number;
  /** Rows another run still holds (e.g. one that crashed moments ago): sent by a rerun once its lease ends. */
  leased?: { rows: number; until: Date | null };
};

async function run(container: Pick<Container, 'reminders'>, plan: PlanResult, now: Date, dryRun: boolean): Promise<RunResult> {
  if (dryRun) return { ...plan, dryRun, sent: 0, retried: 0, failed: 0, expired: 0 };
  const d: DrainResult = await container.reminders.drain(() => now);
  const leased = await container.reminders.leased();
  return { ...plan, dryRun, sent: d.sent, retried: d.retried, failed: d.failed, expired: d.expired, ...(leased.rows ? { leased } : {}) };
}

export async function runReminders(container: Pick<Container, 'reminders'>, opts: { now: Date; dryRun: boolean }): Promise<RunResult> {
  const plan = await container.reminders.planReminders(opts.now, { dryRun: opts.dryRun });
  return run(container, plan, opts.now, opts.dryRun);
}

export async function runSummary(container: Pick<Container, 'reminders'>, opts: { now: Date; dryRun: boolean }): Promise<RunResult> {
  const plan = await container.reminders.planSummaries(opts.now, { dryRun: opts.dryRun });
  return run(container, plan, opts.now, opts.dryRun);
}

/** Who in each organization can be reached on LINE (active, linked, not blocking the bot). */
export type Reach = { slug: string; linked: number; total: number };

export async function reachability(c: Pick<Container, 'orgRepo'>): Promise<Reach[]> {
  return Promise.all((await c.orgRepo.all()).map(async (org) => {
    const active = (await c.orgRepo.officers(org.id)).filter((o) => o.active);
    return { slug: org.slug, linked: active.filter((o) => o.lineUserId !== null && o.reachable).length, total: active.length };
  }));
}

/**
 * The result as lines for a terminal. A run that plans less than expected usually means nobody is
 * linked yet: each organization's linked count says why ("ยังไม่มีผู้ใดผูกบัญชี LINE: 0 จาก 32 คน").
 */
export function formatRunResult(m: Messages, r: RunResult, reach: Reach[] = []): string {
  const R = m.cli.run;
  const kinds = Object.entries(r.byKind).map(([k, n]) => `${R.kind[k] ?? k} ${n}`).join(', ') || R.none;
  const lines = [R.header(r.dryRun, r.localDate, r.planned, kinds)];
  if (!r.dryRun) lines.push(R.sent(r.sent, r.retried, r.failed, r.expired));
  for (const o of reach) if (o.total > 0 && o.linked < o.total) lines.push(o.linked === 0 ? m.cli.reach.nobody(o.slug, o.total) : m.cli.reach.some(o.slug, o.linked, o.total));
  if (r.leased) {
    const secs = r.leased.until ? Math.max(1, Math.ceil((r.leased.until.getTime() - Date.now()) / 1000)) : 0;
    lines.push(m.cli.run.leased(r.leased.rows, secs));
  }
  for (const p of r.preview ?? []) {
    lines.push('', `→ ${p.name ? `${p.name} ` : ''}(${p.recipient}) [${p.kind}]`, ...p.text.split('\n').map((l) => `  ${l}`));
  }
  return lines.join('\n');
}
