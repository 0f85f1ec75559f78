import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { assignmentPeople, assignments, catalogItems, cycles, lineGroups, officers, organizations, units } from '../../src/db/schema.ts';
import { personKey, unitKey } from '../../src/shared/thai-text.ts';

/**
 * A simulated province for bench:delivery: UNITS units each preparing ITEMS items (every unit
 * publishes its own part, "ทุกส่วนราชการ"), each assignment with 3 people (the unit's preparer,
 * supervisor and certifier), an organization admin and the working group's LINE group opted in
 * to the daily summary. Due dates spread over the preparation; behaviour (when each item is
 * started, submitted, returned, approved) from a seeded generator, so every run is the same.
 */
export const UNITS = 32;
export const ITEMS = 35;
export const GROUP_MEMBERS = 40;
export const GROUP_ID = `C${'b'.repeat(32)}`;

export const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
export const isWorkday = (iso: string) => weekday(iso) !== 0 && weekday(iso) !== 6;
/** The working day on or before `iso`. */
const workdayBefore = (iso: string) => { let d = iso; while (!isWorkday(d)) d = addDays(d, -1); return d; };
const workdaysAfter = (iso: string, n: number) => { let d = iso; for (let k = 0; k < n; ) { d = addDays(d, 1); if (isWorkday(d)) k++; } return d; };

/** mulberry32: small, seeded, good enough to spread behaviour. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Action = { day: string; minutes: number; assignment: number; unit: number; step: 'start' | 'submit' | 'approve' | 'return' };
export type Province = { orgId: number; assignmentIds: number[][]; officer: (unit: number, role: 'preparer' | 'supervisor' | 'certifier') => number; adminId: number };

export async function seedProvince(db: Db, start: string): Promise<Province> {
  const [org] = await db.insert(organizations).values({ slug: 'province', name: 'สำนักงานจังหวัดตัวอย่าง', websiteDomains: ['www.province.go.th'] }).returning();
  const orgId = org!.id;
  const unitRows = await db.insert(units).values(Array.from({ length: UNITS }, (_, u) => ({ orgId, name: `ส่วนราชการที่ ${u + 1}`, nameKey: unitKey(`ส่วนราชการที่ ${u + 1}`) }))).returning();
  const roles = ['preparer', 'supervisor', 'certifier'] as const;
  const people = unitRows.flatMap((u, i) => roles.map((role, r) => {
    const name = `${['นาย', 'นาง', 'นางสาว'][r]}${role} หน่วยที่${i + 1}`;
    return { orgId, unitId: u.id, name, nameKey: personKey(name), lineUserId: `U${(i * 3 + r + 1).toString(16).padStart(32, '0')}` };
  }));
  const officerRows = await db.insert(officers).values([...people, { orgId, name: 'นายผู้ดูแล ระบบ', nameKey: personKey('นายผู้ดูแล ระบบ'), lineUserId: `U${'a'.repeat(32)}`, isAdmin: true }]).returning();
  const officer = (unit: number, role: (typeof roles)[number]) => officerRows[unit * 3 + roles.indexOf(role)]!.id;
  const [cycle] = await db.insert(cycles).values({ orgId, year: 2566, catalogYear: 2566 }).returning();
  const items = await db.select().from(catalogItems).where(sql`${catalogItems.year} = 2566 and ${catalogItems.number} <= ${ITEMS}`).orderBy(catalogItems.number);
  // Item i is due on day 20 + i (the province staggers its deadlines), moved back to a working day.
  const dueOf = (i: number) => workdayBefore(addDays(start, 20 + i));
  const assignmentIds: number[][] = [];
  for (let u = 0; u < UNITS; u++) {
    const rows = await db.insert(assignments).values(items.map((it, i) => ({ orgId, cycleId: cycle!.id, itemId: it.id, unitId: unitRows[u]!.id, dueOn: dueOf(i + 1) }))).returning({ id: assignments.id });
    assignmentIds.push(rows.map((r) => r.id));
    await db.insert(assignmentPeople).values(rows.flatMap((r) => roles.map((role) => ({ assignmentId: r.id, officerId: officer(u, role), role, orgId }))));
  }
  await db.insert(lineGroups).values({ orgId, groupId: GROUP_ID, name: 'คณะทำงาน ITA จังหวัด', dailySummary: true, registeredAt: new Date(`${start}T00:00:00Z`) });
  await db.execute(sql`analyze`);
  return { orgId, assignmentIds, officer, adminId: officerRows[officerRows.length - 1]!.id };
}

/**
 * What people do, by day: each item is started 5–20 days before it is due; 65 % are submitted
 * in the last 5 days before the due date, 20 % 1–4 days late, 10 % 5–12 days late, 5 % never in
 * the 60 days; a reviewer answers 1–3 working days after a submit, returning 1 in 5 the first
 * time (resubmitted 1–3 working days later). Times of day between 09:00 and 16:00.
 */
export function behaviour(p: Province, start: string, seed = 2568): Action[] {
  const r = rng(seed);
  const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const at = () => int(9 * 60, 16 * 60);
  const out: Action[] = [];
  for (let u = 0; u < UNITS; u++) {
    for (let i = 0; i < ITEMS; i++) {
      const assignment = p.assignmentIds[u]![i]!;
      const due = workdayBefore(addDays(start, 21 + i));
      const push = (day: string, step: Action['step']) => out.push({ day: workdayBefore(day) < start ? start : workdayBefore(day), minutes: at(), assignment, unit: u, step });
      push(addDays(due, -int(5, 20)), 'start');
      const roll = r();
      if (roll >= 0.95) continue;
      const submit = roll < 0.65 ? addDays(due, -int(0, 5)) : roll < 0.85 ? addDays(due, int(1, 4)) : addDays(due, int(5, 12));
      push(submit, 'submit');
      let review = workdaysAfter(workdayBefore(submit), int(1, 3));
      if (r() < 0.2) {
        push(review, 'return');
        const again = workdaysAfter(review, int(1, 3));
        push(again, 'submit');
        review = workdaysAfter(again, int(1, 3));
      }
      push(review, 'approve');
    }
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.minutes - b.minutes));
}
