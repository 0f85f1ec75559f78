import type { Container } from '../../container.ts';
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

/** The result as lines for a terminal. */
export function formatRunResult(r: RunResult): string {
  const kinds = Object.entries(r.byKind).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const lines = [`${r.dryRun ? 'dry run for' : 'run for'} ${r.localDate} (Asia/Bangkok): planned ${r.planned} (${kinds})`];
  if (!r.dryRun) lines.push(`sent ${r.sent}, retry later ${r.retried}, failed ${r.failed}${r.expired ? `, expired (planned for an earlier day) ${r.expired}` : ''}`);
  if (r.leased) {
    const secs = r.leased.until ? Math.max(1, Math.ceil((r.leased.until.getTime() - Date.now()) / 1000)) : 0;
    lines.push(`${r.leased.rows} message(s) are held by another run (or one that just crashed); run again in ${secs} s to send them`);
  }
  for (const p of r.preview ?? []) {
    lines.push('', `→ ${p.name ? `${p.name} ` : ''}(${p.recipient}) [${p.kind}]`, ...p.text.split('\n').map((l) => `  ${l}`));
  }
  return lines.join('\n');
}
