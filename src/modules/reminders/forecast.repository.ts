import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { PREPARER_OPEN_STATUSES } from '../assignments/workflow.ts';
import { SOON_DAYS, type ReminderClass } from '../delivery/budget.ts';

/** The planner's rule tables for several days at once (forecast.ts builds them from the policies). */
export type ForecastTables = {
  rules: Array<{ scope_id: number; day: string; due_on: string; reason: 'before' | 'overdue' | null; escalate: boolean }>;
  cycleScopes: Array<{ org_id: number; cycle_id: number; scope_id: number }>;
  orgScopes: Array<{ org_id: number; scope_id: number }>;
};

export type ReminderForecastRow = { org_id: number; day: string; kind: 'reminder' | 'escalation'; cls: ReminderClass | null; also_summary: boolean; n: number };
export type SummaryRecipientsRow = { org_id: number; n: number; cost: number; planned_today: boolean };
export type ReviewForecastRow = { org_id: number; day: string; n: number };
export type PlannedRow = { org_id: number; day: string; n: number; cost: number };

const preparerOpen = sql.raw(PREPARER_OPEN_STATUSES.map((s) => `'${s}'`).join(','));

/**
 * What the planner would send on the coming days if nobody acted meanwhile (the pessimistic
 * forecast), counted set-wise in one statement per kind: the same joins as the planning cursor
 * (plan.repository.ts) with a `day` column, aggregated to (organization, day, kind, class).
 */
export function createForecastRepository(db: Db) {
  return {
    async reminders(t: ForecastTables, today: string): Promise<ReminderForecastRow[]> {
      if (!t.rules.length) return [];
      const rows = await db.execute(sql`
        with rules as (
          select * from jsonb_to_recordset(${JSON.stringify(t.rules)}::jsonb) as r(scope_id int, day date, due_on date, reason text, escalate boolean)
        ), cs as (
          select * from jsonb_to_recordset(${JSON.stringify(t.cycleScopes)}::jsonb) as x(org_id int, cycle_id int, scope_id int)
        ), os as (
          select * from jsonb_to_recordset(${JSON.stringify(t.orgScopes)}::jsonb) as x(org_id int, scope_id int)
        ), due as (
          select a.id, a.org_id, r.day, r.reason, r.escalate, (r.day - a.due_on) as late
          from assignments a
          left join cs on cs.org_id = a.org_id and cs.cycle_id = a.cycle_id
          left join os on os.org_id = a.org_id
          join rules r on r.scope_id = coalesce(cs.scope_id, os.scope_id, 0) and r.due_on = a.due_on
          where a.status in (${preparerOpen})
        ), prep as (
          select d.*, o.id as officer_id, o.line_user_id,
            (o.line_user_id is not null and o.reachable and o.active) as reachable,
            exists (select 1 from snoozes s where s.officer_id = o.id and s.assignment_id = d.id and s.until >= d.day) as snoozed
          from due d
          join assignment_people ap on ap.assignment_id = d.id and ap.role = 'preparer'
          join officers o on o.id = ap.officer_id
        ), cur as (
          select distinct on (c.org_id) c.id, c.org_id from cycles c order by c.org_id, c.year desc
        ), summary_officers as (
          select o.id from officers o where o.is_admin and o.active and o.reachable and o.line_user_id is not null
          union
          select ap.officer_id from assignment_people ap join assignments a on a.id = ap.assignment_id join cur on cur.id = a.cycle_id
          where ap.role in ('supervisor', 'certifier')
        ), reminders as (
          select org_id, day, officer_id,
            case when bool_or(reason = 'before' and late >= ${-SOON_DAYS}) then 'soon'
                 when bool_or(reason = 'overdue') then 'overdue' else 'early' end as cls
          from prep p
          where reason is not null and reachable and not snoozed
            and not (day = ${today}::date and exists (select 1 from outbox x
              where x.dedupe_key = 'reminder:' || p.org_id || ':' || p.line_user_id || ':' || ${today}))
          group by org_id, day, officer_id
        ), flagged as (
          select id, org_id, day, bool_or(escalate) as escalate, bool_or(not reachable and reason is not null) as unreachable
          from prep group by id, org_id, day
        ), escalations as (
          select distinct f.org_id, f.day, so.id as officer_id
          from flagged f
          join assignment_people sp on sp.assignment_id = f.id and sp.role = 'supervisor'
          join officers so on so.id = sp.officer_id and so.line_user_id is not null and so.reachable and so.active
          where (f.escalate or f.unreachable)
            and not (f.day = ${today}::date and exists (select 1 from outbox x
              where x.dedupe_key = 'escalation:' || f.org_id || ':' || so.line_user_id || ':' || ${today}))
        )
        select 'reminder' as kind, r.org_id, r.day::text as day, r.cls, (s.id is not null) as also_summary, count(*)::int as n
        from reminders r left join summary_officers s on s.id = r.officer_id
        group by r.org_id, r.day, r.cls, (s.id is not null)
        union all
        select 'escalation', org_id, day::text, null, false, count(*)::int from escalations group by org_id, day`);
      return rowsOf<ReminderForecastRow>(rows).map((r) => ({ ...r, n: Number(r.n) }));
    },

    /** Each organization's daily-summary recipients and what one round costs (groups: their member count). */
    async summaryRecipients(today: string): Promise<SummaryRecipientsRow[]> {
      const rows = await db.execute(sql`
        with cur as (select distinct on (c.org_id) c.id, c.org_id from cycles c order by c.org_id, c.year desc),
        recipients as (
          select o.org_id, o.line_user_id as recipient, 1 as cost from officers o join cur on cur.org_id = o.org_id
          where o.is_admin and o.active and o.reachable and o.line_user_id is not null
          union all
          select g.org_id, g.group_id, coalesce(g.member_count, 1) from line_groups g join cur on cur.org_id = g.org_id
          where g.daily_summary and g.active
          union all
          select distinct o.org_id, o.line_user_id, 1 from officers o
          join assignment_people ap on ap.officer_id = o.id and ap.role in ('supervisor', 'certifier')
          join assignments a on a.id = ap.assignment_id join cur on cur.id = a.cycle_id
          where not o.is_admin and o.active and o.reachable and o.line_user_id is not null
        )
        select r.org_id, count(*)::int as n, sum(r.cost)::int as cost,
          exists (select 1 from outbox x where x.org_id = r.org_id and x.kind = 'summary' and x.local_date = ${today}::date) as planned_today
        from recipients r group by r.org_id`);
      return rowsOf<SummaryRecipientsRow>(rows).map((r) => ({ ...r, n: Number(r.n), cost: Number(r.cost) }));
    },

    /**
     * Review requests to expect: each open item due by `until` will be submitted once (at the
     * latest on its due date), each time asking its reachable supervisors and certifiers.
     */
    async reviews(today: string, until: string): Promise<ReviewForecastRow[]> {
      const rows = await db.execute(sql`
        select a.org_id, greatest(a.due_on, ${today}::date)::text as day, count(*)::int as n
        from assignments a
        join assignment_people ap on ap.assignment_id = a.id and ap.role in ('supervisor', 'certifier')
        join officers o on o.id = ap.officer_id and o.line_user_id is not null and o.reachable and o.active
        where a.status in (${preparerOpen}) and a.due_on <= ${until}::date
          and not exists (select 1 from assignment_people pp where pp.assignment_id = a.id and pp.officer_id = o.id and pp.role = 'preparer')
        group by 1, 2`);
      return rowsOf<ReviewForecastRow>(rows).map((r) => ({ ...r, n: Number(r.n) }));
    },

    /** Rows already in the outbox for today or later that still have to go. */
    async planned(today: string): Promise<PlannedRow[]> {
      const rows = await db.execute(sql`
        select org_id, local_date::text as day, count(*)::int as n, sum(cost)::int as cost from outbox
        where status in ('pending', 'sending', 'held') and local_date >= ${today}::date
        group by org_id, local_date`);
      return rowsOf<PlannedRow>(rows).map((r) => ({ ...r, n: Number(r.n), cost: Number(r.cost) }));
    },
  };
}
