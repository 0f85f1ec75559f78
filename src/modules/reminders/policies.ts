import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { dueDateRules, localTime, mergePolicy, policyOverrideSchema, remindersDueAt, summaryDueAt, type PolicyOverride, type ReminderPolicy } from './policy.ts';
import { createPlanRepository, type ScopeTables } from './plan.repository.ts';

/**
 * The effective policy of every assignment: config defaults ⊕ organization override ⊕ cycle
 * override, with holidays from config, the holidays table (org_id null = everyone) and the
 * organization's own. Organizations without overrides or own holidays share scope 0, so the
 * planner handles the national default in one statement; each override adds a small scope.
 */
export type PolicySet = {
  base: ReminderPolicy;
  globalHolidays: Set<string>;
  orgs: Map<number, { override?: PolicyOverride; holidays: Set<string>; cycles: Map<number, PolicyOverride> }>;
  /** Overrides found unreadable in the database (skipped: the defaults apply). */
  invalid: Array<{ orgId: number; cycleId: number | null }>;
};

export function basePolicy(config: Config): ReminderPolicy {
  const r = config.reminders;
  return mergePolicy({ offsets: r.offsets, overdueRepeatCap: r.overdueRepeatCap, window: r.window, workdays: r.workdays, escalationAfterDays: r.escalationAfterDays, summaryTime: r.summaryTime });
}

/** Every organization's policies, or (with `orgId`) only what applies to that one. */
export async function loadPolicySet(db: Db, config: Config, orgId?: number): Promise<PolicySet> {
  const repo = createPlanRepository(db);
  const [policies, holidays] = await Promise.all([repo.policyOverrides(orgId), repo.holidays(orgId)]);
  const set: PolicySet = { base: basePolicy(config), globalHolidays: new Set(config.reminders.holidays), orgs: new Map(), invalid: [] };
  const org = (id: number) => {
    let o = set.orgs.get(id);
    if (!o) set.orgs.set(id, (o = { holidays: new Set(), cycles: new Map() }));
    return o;
  };
  for (const h of holidays) {
    if (h.orgId === null) set.globalHolidays.add(h.date);
    else org(h.orgId).holidays.add(h.date);
  }
  for (const p of policies) {
    const parsed = policyOverrideSchema.safeParse(p.policy);
    if (!parsed.success) {
      set.invalid.push({ orgId: p.orgId, cycleId: p.cycleId });
      continue;
    }
    if (p.cycleId === null) org(p.orgId).override = { ...org(p.orgId).override, ...parsed.data };
    else org(p.orgId).cycles.set(p.cycleId, { ...org(p.orgId).cycles.get(p.cycleId), ...parsed.data });
  }
  for (const o of set.orgs.values()) for (const d of set.globalHolidays) o.holidays.add(d);
  return set;
}

/** The policy and holidays of one assignment (organization ⊕ cycle), as scopeTables merges them. */
export function effectivePolicy(set: PolicySet, orgId: number, cycleId: number | null): { policy: ReminderPolicy; holidays: Set<string> } {
  const o = set.orgs.get(orgId);
  if (!o) return { policy: set.base, holidays: set.globalHolidays };
  const orgPolicy = mergePolicy(set.base, o.override);
  return { policy: mergePolicy(orgPolicy, cycleId === null ? undefined : o.cycles.get(cycleId)), holidays: o.holidays };
}

/** The rule tables the planner joins on, for the moment `at`. */
export function scopeTables(set: PolicySet, at: Date, gate: 'reminders' | 'summary'): ScopeTables {
  const today = localTime(at).date;
  const due = gate === 'reminders' ? remindersDueAt : summaryDueAt;
  const t: ScopeTables = { rules: [], cycleScopes: [], orgScopes: [], defaultDue: false, dueOrgs: [], customOrgs: [] };
  const add = (scopeId: number, policy: ReminderPolicy, holidays: Set<string>) => {
    if (!due(at, policy, holidays)) return false;
    for (const r of dueDateRules(policy, today, holidays)) {
      t.rules.push({ scope_id: scopeId, due_on: r.dueOn, reason: r.reason?.kind ?? null, escalate: r.escalate });
    }
    return true;
  };
  t.defaultDue = add(0, set.base, set.globalHolidays);
  let next = 1;
  for (const [orgId, o] of set.orgs) {
    const orgPolicy = mergePolicy(set.base, o.override);
    const scopeId = next++;
    t.orgScopes.push({ org_id: orgId, scope_id: scopeId });
    t.customOrgs.push(orgId);
    if (add(scopeId, orgPolicy, o.holidays)) t.dueOrgs.push(orgId);
    for (const [cycleId, c] of o.cycles) {
      const cycleScope = next++;
      t.cycleScopes.push({ org_id: orgId, cycle_id: cycleId, scope_id: cycleScope });
      add(cycleScope, mergePolicy(orgPolicy, c), o.holidays);
    }
  }
  return t;
}
