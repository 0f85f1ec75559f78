import type { Messages } from '../../messages/index.ts';
import { errors } from '../../shared/errors.ts';
import { formatThaiDateTime } from '../../shared/thai-date.ts';
import { cliActor } from '../auth/actor.ts';
import type { OrgRepository } from '../org/org.repository.ts';
import type { DeliveriesService } from './deliveries.usecases.ts';
import type { DeliveryService, DeliveryStatus } from './delivery.usecases.ts';

/** What the CLI's delivery commands use (the container has it). */
export type DeliveryCliDeps = {
  orgRepo: Pick<OrgRepository, 'bySlug' | 'byId'>;
  delivery: Pick<DeliveryService, 'refresh' | 'resume'>;
  deliveries: Pick<DeliveriesService, 'log' | 'sendTest'>;
  clock: { now(): Date };
  line: { offline: boolean };
};

const n = (x: number) => x.toLocaleString('en-US');

async function orgOf(c: DeliveryCliDeps, slug: string) {
  const org = await c.orgRepo.bySlug(slug);
  if (!org) throw errors.notFound('organization', slug);
  return org;
}

/** `quota [--org <slug>] [--resume]`: reads LINE's quota now, forecasts the month, prints it all. */
export async function quotaReport(c: DeliveryCliDeps, m: Messages, opts: { orgSlug?: string; resume?: boolean }): Promise<string> {
  const t = m.delivery.cli;
  const lines: string[] = [];
  const org = opts.orgSlug ? await orgOf(c, opts.orgSlug) : undefined;
  if (opts.resume) lines.push((await c.delivery.resume(c.clock.now())) ? t.resumed : t.notResumed);
  const s: DeliveryStatus = await c.delivery.refresh(c.clock.now(), { forecast: true });
  lines.push(t.quotaTitle(s.month));
  lines.push(`  ${s.line ? t.lineQuota(s.line.limit, s.line.used, formatThaiDateTime(s.line.readAt)) : t.lineUnknown}`);
  lines.push(`  ${t.setting(s.setting)}`, `  ${t.budget(s.budget, s.used, s.remaining)}`);
  lines.push(`  ${s.held ? t.held(s.held.reason, formatThaiDateTime(s.held.until)) : t.notHeld}`);
  const f = s.forecast;
  if (f) {
    lines.push(`  ${t.forecast(f.full, f.runsOutOn.full)}`, `  ${t.level(s.level, m.delivery.level[s.level] ?? s.level, f.atLevel, f.runsOutOn.atLevel)}`);
    lines.push(`  ${t.byKind}`);
    for (const kind of Object.keys({ ...f.byKind.full, ...f.byKind.atLevel }).sort()) lines.push(`    ${kind.padEnd(18)} ${n(f.byKind.full[kind] ?? 0).padStart(9)} → ${n(f.byKind.atLevel[kind] ?? 0).padStart(9)}`);
    lines.push(`  ${t.byOrg}`);
    const orgs = Object.entries(f.byOrg).filter(([id]) => !org || Number(id) === org.id).sort((a, b) => b[1].full - a[1].full);
    for (const [id, v] of orgs.slice(0, org ? 1 : 20)) {
      const o = org ?? (await c.orgRepo.byId(Number(id)));
      lines.push(`    ${(o?.slug ?? id).padEnd(18)} ${n(v.full).padStart(9)} → ${n(v.atLevel).padStart(9)}`);
    }
    if (!org && orgs.length > 20) lines.push(`    … ${orgs.length - 20}`);
    if (org && !orgs.length) lines.push(`    ${org.slug.padEnd(18)} ${'0'.padStart(9)} → ${'0'.padStart(9)}`);
  }
  return lines.join('\n');
}

/** `deliveries --org <slug> [--since] [--status] [--kind]`: the delivery log, newest first. */
export async function deliveriesReport(c: DeliveryCliDeps, m: Messages, opts: { orgSlug: string; since?: string; status?: string[]; kind?: string[]; limit?: number }): Promise<string> {
  const t = m.delivery.cli;
  const org = await orgOf(c, opts.orgSlug);
  const r = await c.deliveries.log(cliActor(org.id), { since: opts.since, status: opts.status, kind: opts.kind, limit: opts.limit });
  const lines = [t.logTitle(org.name, r.since)];
  const totals = Object.entries(r.totals).map(([st, v]) => `${m.delivery.status[st] ?? st} ${n(v.n)} (${n(v.cost)})`).join(', ');
  lines.push(`${t.totals} ${totals || t.none}`);
  for (const row of r.rows) {
    const who = row.name ? `${row.name}` : row.recipient;
    lines.push(`${row.localDate}  ${(m.delivery.kind[row.kind] ?? row.kind).padEnd(16)} ${who.padEnd(28)} ${String(row.cost).padStart(4)}  ${m.delivery.status[row.status] ?? row.status}${row.why ? ` · ${m.delivery.note(row.why)}` : ''}`);
  }
  if (!r.rows.length) lines.push(t.none);
  return lines.join('\n');
}

/** `notify test --org <slug> --officer <name>`: one message now, and what became of it. */
export async function notifyTest(c: DeliveryCliDeps, m: Messages, opts: { orgSlug: string; officerName: string }): Promise<{ ok: boolean; text: string }> {
  const t = m.delivery.cli;
  const org = await orgOf(c, opts.orgSlug);
  const r = await c.deliveries.sendTest(cliActor(org.id), { name: opts.officerName });
  if (r.status === 'sent') return { ok: true, text: c.line.offline ? t.testOffline(r.officer) : t.testSent(r.officer) };
  if (r.status === 'held' && r.hold) return { ok: false, text: t.testHeld(r.officer, formatThaiDateTime(r.hold.until)) };
  if (r.status === 'failed') return { ok: false, text: t.testFailed(r.officer, m.delivery.note(r.why ?? '')) };
  return { ok: false, text: t.testPending(r.officer, m.delivery.note(r.why ?? '')) };
}
