import { eq, isNull, or, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { PREPARER_OPEN_STATUSES } from '../assignments/workflow.ts';
import type { PlannedItem } from './flex.ts';
import { holidays, reminderPolicies, summarySnapshots } from './reminders.table.ts';

// Any constant; the same in every instance. Planning holds it for its whole transaction.
const PLAN_LOCK_KEY = 7_318_455_010;

export type ReminderRow = {
  kind: 'reminder' | 'escalation';
  org_id: number;
  recipient: string;
  officer_id: number;
  recipient_name: string;
  total: number;
  items: Array<Omit<PlannedItem, 'days'> & { late: number }>;
};

export type SummaryRow = {
  org_id: number;
  recipient: string;
  officer_id: number | null;
  recipient_name: string | null;
  scope: 'org' | 'mine';
  /** What one push costs: 1 for a person, a group's member count (as last read from LINE). */
  cost: number;
  items: Array<{ id: number; code: string; status: string; dueOn: string | null }> | null;
  prev: { items: Record<string, string> } | null;
};

const preparerOpen = sql.raw(PREPARER_OPEN_STATUSES.map((s) => `'${s}'`).join(','));

/** The rule tables the planner's statements join on (built from the policies by policies.ts `scopeTables`). */
export type ScopeTables = {
  rules: Array<{ scope_id: number; due_on: string; reason: 'before' | 'overdue' | null; escalate: boolean }>;
  cycleScopes: Array<{ org_id: number; cycle_id: number; scope_id: number }>;
  orgScopes: Array<{ org_id: number; scope_id: number }>;
  /** Summaries: is the default due now, and which organizations with their own policy are / are not. */
  defaultDue: boolean;
  dueOrgs: number[];
  customOrgs: number[];
};

/** Planning SQL: set-based reads streamed through a cursor, so memory does not grow with the load. */
export function createPlanRepository(db: Db) {
  return {
    /** Every organization's overrides, or only `orgId`'s. */
    policyOverrides: (orgId?: number) =>
      db.select().from(reminderPolicies).where(orgId === undefined ? undefined : eq(reminderPolicies.orgId, orgId)),
    /** Every holiday, or those that apply to `orgId` (its own and everyone's). */
    holidays: (orgId?: number) =>
      db
        .select({ orgId: holidays.orgId, date: holidays.date })
        .from(holidays)
        .where(orgId === undefined ? undefined : or(isNull(holidays.orgId), eq(holidays.orgId, orgId))),

    /** Serialises planning across instances; released when the transaction ends (also on a crash). */
    async lock(tx: Db) {
      await tx.execute(sql`select pg_advisory_xact_lock(${PLAN_LOCK_KEY}::bigint)`);
    },

    /**
     * Reminder and escalation targets for `today`, one row per (kind, organization, recipient),
     * with the first `maxItems` items and the total; recipients already planned today are left out.
     */
    async openReminderCursor(tx: Db, cursor: string, t: ScopeTables, today: string, maxItems: number) {
      await tx.execute(sql`declare ${sql.identifier(cursor)} no scroll cursor for
        with rules as (
          select * from jsonb_to_recordset(${JSON.stringify(t.rules)}::jsonb) as r(scope_id int, due_on date, reason text, escalate boolean)
        ), cs as (
          select * from jsonb_to_recordset(${JSON.stringify(t.cycleScopes)}::jsonb) as x(org_id int, cycle_id int, scope_id int)
        ), os as (
          select * from jsonb_to_recordset(${JSON.stringify(t.orgScopes)}::jsonb) as x(org_id int, scope_id int)
        ), due as (
          select a.id, a.org_id, a.due_on, a.status::text as status, a.item_id, r.reason, r.escalate, (${today}::date - a.due_on) as late,
            case when a.status = 'returned' then a.status_note end as note
          from assignments a
          left join cs on cs.org_id = a.org_id and cs.cycle_id = a.cycle_id
          left join os on os.org_id = a.org_id
          join rules r on r.scope_id = coalesce(cs.scope_id, os.scope_id, 0) and r.due_on = a.due_on
          where a.status in (${preparerOpen})
        ), prep as (
          select d.*, o.id as officer_id, o.name, o.line_user_id,
            (o.line_user_id is not null and o.reachable and o.active) as reachable,
            exists (select 1 from snoozes s where s.officer_id = o.id and s.assignment_id = d.id and s.until >= ${today}::date) as snoozed
          from due d
          join assignment_people ap on ap.assignment_id = d.id and ap.role = 'preparer'
          join officers o on o.id = ap.officer_id
        ), flagged as (
          select id, org_id, due_on, status, item_id, late, note, bool_or(escalate) as escalate,
            string_agg(name, ', ' order by name) as all_names,
            string_agg(name, ', ' order by name) filter (where not reachable and reason is not null) as unreachable_names
          from prep group by id, org_id, due_on, status, item_id, late, note
        ), targets as (
          select 'reminder' as kind, p.org_id, p.line_user_id as recipient, p.officer_id, p.name as recipient_name,
            p.id, p.due_on, p.status, p.item_id, p.reason, p.late, p.note, null::text as preparers
          from prep p where p.reason is not null and p.reachable and not p.snoozed
          union all
          select 'escalation', f.org_id, so.line_user_id, so.id, so.name,
            f.id, f.due_on, f.status, f.item_id, case when f.escalate then 'escalation' else 'unreachable' end, f.late, f.note,
            case when f.escalate then f.all_names else f.unreachable_names end
          from flagged f
          join assignment_people sp on sp.assignment_id = f.id and sp.role = 'supervisor'
          join officers so on so.id = sp.officer_id and so.line_user_id is not null and so.reachable and so.active
          where f.escalate or f.unreachable_names is not null
        ), ranked as (
          select t.*, ci.code, ci.title,
            row_number() over (partition by t.kind, t.org_id, t.recipient order by t.due_on, ci.number, t.id) as rn,
            count(*) over (partition by t.kind, t.org_id, t.recipient) as total
          from targets t join catalog_items ci on ci.id = t.item_id
        )
        select kind, org_id, recipient, min(officer_id) as officer_id, min(recipient_name) as recipient_name, max(total)::int as total,
          jsonb_agg(jsonb_build_object('id', id, 'code', code, 'title', title, 'dueOn', due_on, 'status', status,
            'reason', reason, 'late', late, 'note', note, 'preparers', preparers) order by rn) as items
        from ranked r
        where rn <= ${maxItems}
          and not exists (select 1 from outbox x where x.dedupe_key = r.kind || ':' || r.org_id || ':' || r.recipient || ':' || ${today})
        group by kind, org_id, recipient
        order by org_id, recipient, kind`);
    },

    /**
     * Daily-summary recipients of organizations due now, in each organization's latest cycle:
     * admins and opted-in groups see the whole organization, supervisors and certifiers what they
     * supervise; with the latest earlier snapshot of each.
     */
    async openSummaryCursor(tx: Db, cursor: string, t: ScopeTables, today: string) {
      await tx.execute(sql`declare ${sql.identifier(cursor)} no scroll cursor for
        with due_orgs as (select (jsonb_array_elements_text(${JSON.stringify(t.dueOrgs)}::jsonb))::int as org_id),
        custom_orgs as (select (jsonb_array_elements_text(${JSON.stringify(t.customOrgs)}::jsonb))::int as org_id),
        cur as (
          select distinct on (c.org_id) c.id, c.org_id from cycles c
          where c.org_id in (select org_id from due_orgs)
             or (${t.defaultDue} and c.org_id not in (select org_id from custom_orgs))
          order by c.org_id, c.year desc
        ), recipients as (
          select o.org_id, o.line_user_id as recipient, o.id as officer_id, o.name as recipient_name, 'org' as scope, 1 as cost
          from officers o join cur on cur.org_id = o.org_id
          where o.is_admin and o.active and o.reachable and o.line_user_id is not null
          union all
          select g.org_id, g.group_id, null, g.name, 'org', coalesce(g.member_count, 1) from line_groups g join cur on cur.org_id = g.org_id
          where g.daily_summary and g.active
          union all
          select distinct o.org_id, o.line_user_id, o.id, o.name, 'mine', 1
          from officers o
          join assignment_people ap on ap.officer_id = o.id and ap.role in ('supervisor', 'certifier')
          join assignments a on a.id = ap.assignment_id
          join cur on cur.id = a.cycle_id
          where not o.is_admin and o.active and o.reachable and o.line_user_id is not null
        )
        select r.org_id, r.recipient, r.officer_id, r.recipient_name, r.scope, r.cost,
          (select jsonb_agg(jsonb_build_object('id', a.id, 'code', ci.code, 'status', a.status, 'dueOn', a.due_on) order by ci.number, a.id)
             from assignments a join catalog_items ci on ci.id = a.item_id
             where a.cycle_id = cur.id
               and (r.scope = 'org' or a.id in (select ap.assignment_id from assignment_people ap
                      where ap.officer_id = r.officer_id and ap.role in ('supervisor', 'certifier')))) as items,
          (select s.snapshot from summary_snapshots s
             where s.recipient = r.org_id || ':' || r.recipient and s.local_date < ${today}::date
             order by s.local_date desc limit 1) as prev
        from recipients r join cur on cur.org_id = r.org_id
        where not exists (select 1 from outbox x where x.dedupe_key = 'summary:' || r.org_id || ':' || r.recipient || ':' || ${today})
        order by r.org_id, r.recipient`);
    },

    async fetch<T>(tx: Db, cursor: string, n: number): Promise<T[]> {
      return rowsOf<T>(await tx.execute(sql`fetch ${sql.raw(String(n))} from ${sql.identifier(cursor)}`));
    },

    async close(tx: Db, cursor: string) {
      await tx.execute(sql`close ${sql.identifier(cursor)}`);
    },

    async saveSnapshots(tx: Db, rows: Array<typeof summarySnapshots.$inferInsert>) {
      if (!rows.length) return;
      await tx
        .insert(summarySnapshots)
        .values(rows)
        .onConflictDoUpdate({ target: [summarySnapshots.recipient, summarySnapshots.localDate], set: { snapshot: sql`excluded.snapshot` } });
    },
  };
}
