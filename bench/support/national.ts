import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../src/db/client.ts';

/**
 * Loads a national-scale data set with set-based SQL (generate_series): `orgs` organizations,
 * each with 12 units, 3 officers per unit, a cycle and `itemsPerOrg` assignments spread over the
 * units, each with a preparer and a supervisor. Statuses and due dates vary.
 */
export async function loadNationalScale(db: Db, o: { orgs: number; itemsPerOrg: number; year: number }) {
  const itemCount = Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from catalog_items where year = ${o.year}`))[0]!.n);
  await db.execute(sql`insert into organizations (slug, name) select 'org-' || g, 'หน่วยงานทดสอบ ' || g from generate_series(1, ${o.orgs}) g`);
  await db.execute(sql`insert into units (org_id, name, name_key) select o.id, 'กอง ' || u, 'กอง' || u from organizations o, generate_series(1, 12) u where o.slug like 'org-%'`);
  await db.execute(sql`
    insert into officers (org_id, name, name_key, unit_id, line_user_id)
    select u.org_id, 'เจ้าหน้าที่ ' || u.id || '-' || p, 'จนท' || u.id || '-' || p, u.id,
           'U' || md5(u.id::text || '-' || p)
    from units u join organizations o on o.id = u.org_id, generate_series(1, 3) p where o.slug like 'org-%'`);
  await db.execute(sql`insert into cycles (org_id, year, catalog_year) select id, ${o.year}, ${o.year} from organizations where slug like 'org-%'`);
  await db.execute(sql`
    insert into assignments (org_id, cycle_id, item_id, unit_id, due_on, status)
    with first_unit as (select org_id, min(id) as id from units group by org_id)
    select c.org_id, c.id, ci.id,
           fu.id + ((k - 1) % 12),
           date '2025-03-31' - ((k * 7 + c.id) % 60),
           (array['not_started','in_progress','submitted','approved','returned','not_applicable'])[1 + ((k + c.id) % 6)]::assignment_status
    from cycles c join organizations o on o.id = c.org_id and o.slug like 'org-%'
         join first_unit fu on fu.org_id = c.org_id,
         generate_series(1, ${o.itemsPerOrg}) k
         join catalog_items ci on ci.year = ${o.year} and ci.number = 1 + ((k - 1) % ${itemCount})
    on conflict do nothing`);
  await db.execute(sql`
    insert into assignment_people (assignment_id, officer_id, role, org_id)
    with first_officer as (select unit_id, min(id) as id from officers group by unit_id)
    select a.id, fo.id + r.off, r.role::person_role, a.org_id
    from assignments a join organizations o on o.id = a.org_id and o.slug like 'org-%'
         join first_officer fo on fo.unit_id = a.unit_id,
         (values (0, 'preparer'), (1, 'supervisor')) as r(off, role)`);
  await db.execute(sql`analyze`);
  const [counts] = rowsOf<{ orgs: number; assignments: number }>(
    await db.execute(sql`select (select count(*)::int from organizations) as orgs, (select count(*)::int from assignments) as assignments`),
  );
  const picks = rowsOf<{ org_id: number; officer_id: number; cycle_id: number }>(
    await db.execute(sql`
      select ap.org_id, ap.officer_id, a.cycle_id from assignment_people ap join assignments a on a.id = ap.assignment_id
      where ap.role = 'preparer' order by md5(ap.assignment_id::text) limit 1000`),
  );
  return {
    orgs: counts!.orgs,
    assignments: counts!.assignments,
    sample: (i: number) => {
      const p = picks[i % picks.length]!;
      return { orgId: p.org_id, officerId: p.officer_id, cycleId: p.cycle_id };
    },
  };
}
