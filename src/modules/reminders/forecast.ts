import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { ForecastLine } from '../delivery/budget.ts';
import { createForecastRepository, type ForecastTables } from './forecast.repository.ts';
import { loadPolicySet, type PolicySet } from './policies.ts';
import { addDays, dueDateRules, isWorkingDay, localTime, mergePolicy, minutesOf, type Holidays, type ReminderPolicy } from './policy.ts';

/** The last day of `isoDate`'s month. */
export function monthEnd(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The week's first working day (the weekly summary's day under the `weekly` budget level). */
export function weeklySummaryDay(isoDate: string, policy: ReminderPolicy, holidays: Holidays): boolean {
  if (!isWorkingDay(isoDate, policy, holidays)) return false;
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay() || 7;
  for (let d = addDays(isoDate, 1 - weekday); d < isoDate; d = addDays(d, 1)) if (isWorkingDay(d, policy, holidays)) return false;
  return true;
}

type Scope = { id: number; orgId: number | null; policy: ReminderPolicy; holidays: Holidays };

/** Every policy scope (the national default, each organization, each cycle override), as scopeTables numbers them. */
function scopes(set: PolicySet, t: ForecastTables): Scope[] {
  const out: Scope[] = [{ id: 0, orgId: null, policy: set.base, holidays: set.globalHolidays }];
  let next = 1;
  for (const [orgId, o] of set.orgs) {
    const orgPolicy = mergePolicy(set.base, o.override);
    const id = next++;
    t.orgScopes.push({ org_id: orgId, scope_id: id });
    out.push({ id, orgId, policy: orgPolicy, holidays: o.holidays });
    for (const [cycleId, c] of o.cycles) {
      const cycleScope = next++;
      t.cycleScopes.push({ org_id: orgId, cycle_id: cycleId, scope_id: cycleScope });
      out.push({ id: cycleScope, orgId: null, policy: mergePolicy(orgPolicy, c), holidays: o.holidays });
    }
  }
  return out;
}

/** The days from today to the end of the month on which a scope still plans (today only before its window closes). */
function planningDays(s: Scope, now: Date, until: string): string[] {
  const t = localTime(now);
  const days: string[] = [];
  for (let d = t.date; d <= until; d = addDays(d, 1)) {
    if (!isWorkingDay(d, s.policy, s.holidays)) continue;
    if (d === t.date && t.minutes >= minutesOf(s.policy.window.end)) continue;
    days.push(d);
  }
  return days;
}

/**
 * What the planner would send from `now` to the end of the month if nobody acted meanwhile
 * (items stay open, so it errs on the side of too many), plus the review requests to expect and
 * what is already planned: the forecast budget.ts decides the month's level from.
 */
export async function forecastMonth(db: Db, config: Config, now: Date): Promise<ForecastLine[]> {
  const today = localTime(now).date;
  const until = monthEnd(today);
  const set = await loadPolicySet(db, config);
  const tables: ForecastTables = { rules: [], cycleScopes: [], orgScopes: [] };
  const all = scopes(set, tables);
  for (const s of all) {
    for (const day of planningDays(s, now, until)) {
      for (const r of dueDateRules(s.policy, day, s.holidays)) {
        tables.rules.push({ scope_id: s.id, day, due_on: r.dueOn, reason: r.reason?.kind ?? null, escalate: r.escalate });
      }
    }
  }
  const orgScope = new Map(all.filter((s) => s.orgId !== null).map((s) => [s.orgId!, s]));
  const scopeOf = (orgId: number) => orgScope.get(orgId) ?? all[0]!;
  const weekly = (orgId: number, day: string) => {
    const s = scopeOf(orgId);
    return weeklySummaryDay(day, s.policy, s.holidays);
  };

  const repo = createForecastRepository(db);
  const [reminders, recipients, reviews, planned] = await Promise.all([
    repo.reminders(tables, today), repo.summaryRecipients(today), repo.reviews(today, until), repo.planned(today),
  ]);
  const lines: ForecastLine[] = [];
  for (const r of reminders) {
    if (r.kind === 'escalation') lines.push({ orgId: r.org_id, day: r.day, kind: 'escalation', n: r.n, cost: r.n });
    else lines.push({ orgId: r.org_id, day: r.day, kind: 'reminder', cls: r.cls ?? 'early', alsoSummary: r.also_summary, weeklyDay: weekly(r.org_id, r.day), n: r.n, cost: r.n });
  }
  for (const r of recipients) {
    for (const day of planningDays(scopeOf(r.org_id), now, until)) {
      if (day === today && r.planned_today) continue;
      lines.push({ orgId: r.org_id, day, kind: 'summary', weeklyDay: weekly(r.org_id, day), n: r.n, cost: r.cost });
    }
  }
  for (const r of reviews) lines.push({ orgId: r.org_id, day: r.day, kind: 'review_request', n: r.n, cost: r.n });
  for (const r of planned) lines.push({ orgId: r.org_id, day: r.day, kind: 'planned', n: r.n, cost: r.cost });
  return lines;
}
