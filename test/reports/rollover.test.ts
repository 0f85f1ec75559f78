import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignmentPeople, assignments, catalogItems, cycles, evidenceLinks, units } from '../../src/db/schema.ts';
import { cliActor } from '../../src/modules/auth/actor.ts';
import { evidenceHints } from '../../src/modules/rollover/rollover.table.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const A = 'กองบริหารทรัพยากร';
const B = 'กองการศึกษา';

/** The new year's assignments of an organization: code → unit → row with people and hints. */
async function yearOf(orgId: number, year: number) {
  const db = t.container.database.db;
  const rows = await db
    .select({ id: assignments.id, code: catalogItems.code, unit: units.name, status: assignments.status, dueOn: assignments.dueOn, responsibility: assignments.responsibility })
    .from(assignments)
    .innerJoin(cycles, eq(cycles.id, assignments.cycleId))
    .innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(and(eq(assignments.orgId, orgId), eq(cycles.year, year)));
  const out = new Map<string, (typeof rows)[number] & { people: string[]; hints: string[]; evidence: number }>();
  for (const r of rows) {
    const people = await db.select({ officerId: assignmentPeople.officerId, role: assignmentPeople.role }).from(assignmentPeople).where(eq(assignmentPeople.assignmentId, r.id));
    const hints = await db.select().from(evidenceHints).where(eq(evidenceHints.assignmentId, r.id));
    const evidence = await db.select().from(evidenceLinks).where(eq(evidenceLinks.assignmentId, r.id));
    out.set(`${r.code}/${r.unit}`, { ...r, people: people.map((p) => `${p.officerId}:${p.role}`).sort(), hints: hints.map((h) => `${h.fromItemCode} ${h.url}`).sort(), evidence: evidence.length });
  }
  return out;
}

describe('rollover 2567 → 2568 (merged, dropped, inferred)', () => {
  let orgId: number;
  let ids: Map<string, number>;

  beforeAll(async () => {
    const s = await seedOrg(t.container, {
      slug: 'roll67',
      year: 2567,
      units: [A, B],
      officers: [{ name: 'นายหนึ่ง ทดสอบ' }, { name: 'นางสองทดสอบ' }, { name: 'นายสาม ทดสอบ' }, { name: 'นางสี่ กำกับ' }],
      assignments: [
        { item: 1, unit: A, due: '2024-03-31', status: 'approved', people: [['นายหนึ่ง ทดสอบ', 'preparer'], ['นางสี่ กำกับ', 'supervisor']] },
        { item: 3, unit: A, due: '2024-02-29', status: 'approved', people: [['นางสองทดสอบ', 'preparer']] },
        { item: 3, unit: B, due: '2024-03-31', people: [['นายสาม ทดสอบ', 'preparer']] },
        { item: 2, unit: A, due: '2024-03-31', people: [['นายหนึ่ง ทดสอบ', 'preparer']] },
        { item: 15, unit: A, due: '2024-03-31', people: [['นายหนึ่ง ทดสอบ', 'preparer']] },
        { item: 28, unit: B, due: '2024-04-30', people: [['นายสาม ทดสอบ', 'preparer']] },
        { item: 29, unit: B, due: '2024-04-30', people: [['นางสองทดสอบ', 'preparer']] },
      ],
    });
    orgId = s.org.id;
    ids = s.officerIds;
    const db = t.container.database.db;
    const [o1, o3] = s.assignmentIds;
    await db.insert(evidenceLinks).values([
      { orgId, assignmentId: o1!, url: 'https://www.example.go.th/structure', label: 'แผนผัง', addedBy: 'cli' },
      { orgId, assignmentId: o3!, url: 'https://www.example.go.th/authority', label: null, addedBy: 'cli' },
    ]);
    // The new year already exists with one item someone started: rollover must merge into it, not overwrite it.
    const [cycle] = await db.insert(cycles).values({ orgId, year: 2568, catalogYear: 2568 }).returning();
    const [o2item] = await db.select().from(catalogItems).where(and(eq(catalogItems.year, 2568), eq(catalogItems.number, 2)));
    const [existing] = await db
      .insert(assignments)
      .values({ orgId, cycleId: cycle!.id, itemId: o2item!.id, unitId: s.unitIds.get(A)!, dueOn: '2025-01-31', status: 'in_progress' })
      .returning();
    await db.insert(evidenceLinks).values({ orgId, assignmentId: existing!.id, url: 'https://www.example.go.th/executives-2568', addedBy: 'cli' });
  });

  it('in a dry run lists merged, new and dropped items and writes nothing', async () => {
    const r = await t.container.rollover.rollover(cliActor(orgId), { from: 2567, to: 2568, dryRun: true });
    expect(r.dryRun).toBe(true);
    expect(r.created).toBe(3);
    const line = (to: string | null, from?: string) => r.lines.find((l) => l.to === to && (!from || l.from.includes(from)))!;
    expect(line('O1')).toMatchObject({ kind: 'merged', from: ['O1', 'O3'], units: [A, B], title: 'โครงสร้างและอำนาจหน้าที่' });
    expect(line('O22')).toMatchObject({ kind: 'merged', from: ['O28', 'O29'], inferred: ['O28'], units: [B] });
    expect(line(null, 'O15')).toMatchObject({ kind: 'dropped', units: [A], fromTitles: ['ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ'] });
    expect((await yearOf(orgId, 2568)).size).toBe(1);
  });

  it('carries units, people and roles, resets statuses, keeps last year’s links as hints, moves due dates a year', async () => {
    const r = await t.container.rollover.rollover(cliActor(orgId), { from: 2567, to: 2568 });
    expect(r).toMatchObject({ dryRun: false, cycleCreated: false, created: 3, kept: 1 });
    const y = await yearOf(orgId, 2568);
    const o1a = y.get(`O1/${A}`)!;
    expect(o1a).toMatchObject({ status: 'not_started', responsibility: 'main', evidence: 0 });
    // The earliest due date of the merged items, a year later (29 Feb 2567 BE → 28 Feb).
    expect(o1a.dueOn).toBe('2025-02-28');
    expect(o1a.people).toEqual([`${ids.get('นายหนึ่ง ทดสอบ')}:preparer`, `${ids.get('นางสองทดสอบ')}:preparer`, `${ids.get('นางสี่ กำกับ')}:supervisor`].sort());
    expect(o1a.hints).toEqual(['O1 https://www.example.go.th/structure', 'O3 https://www.example.go.th/authority']);
    expect(y.get(`O1/${B}`)).toMatchObject({ status: 'not_started', dueOn: '2025-03-31' });
    expect(y.get(`O22/${B}`)!.people).toHaveLength(2);
    expect([...y.keys()].some((k) => k.startsWith('O15/'))).toBe(false);
    // The item someone had started in 2568 is untouched, apart from gaining last year's preparer.
    expect(y.get(`O2/${A}`)).toMatchObject({ status: 'in_progress', dueOn: '2025-01-31', evidence: 1, people: [`${ids.get('นายหนึ่ง ทดสอบ')}:preparer`] });
  });

  it('changes nothing when run again, dry or real', async () => {
    const before = await yearOf(orgId, 2568);
    for (const dryRun of [true, false]) {
      const r = await t.container.rollover.rollover(cliActor(orgId), { from: 2567, to: 2568, dryRun });
      expect(r).toMatchObject({ created: 0, kept: 4, peopleAdded: 0, hintsAdded: 0, cycleCreated: false });
    }
    expect(await yearOf(orgId, 2568)).toEqual(before);
  });
});

describe('rollover 2566 → 2567 (new items, a due date given)', () => {
  let orgId: number;
  beforeAll(async () => {
    const s = await seedOrg(t.container, {
      slug: 'roll66',
      year: 2566,
      units: [A],
      officers: [{ name: 'นายห้า ทดสอบ' }],
      assignments: [
        { item: 11, unit: A, due: '2023-03-31', people: [['นายห้า ทดสอบ', 'preparer']] },
        { item: 12, unit: A, due: '2023-04-30', people: [['นายห้า ทดสอบ', 'preparer']] },
        { item: 4, unit: A, due: '2023-03-31', people: [['นายห้า ทดสอบ', 'preparer']] },
        { item: 6, unit: A, due: '2023-03-31', people: [['นายห้า ทดสอบ', 'preparer']] },
      ],
    });
    orgId = s.org.id;
  });

  it('through the admin API: a dry run, then the real one creating the year, then again with nothing new', async () => {
    const token = (await t.container.auth.createToken(orgId)).token;
    const post = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/rollover', headers: { authorization: `Bearer ${token}` }, payload: body });
    const dry = (await post({ from: 2566, to: 2567, dryRun: true, due: '31/03/2568' })).json();
    expect(dry).toMatchObject({ dryRun: true, cycleCreated: true, created: 2 });
    expect(dry.lines.filter((l: { kind: string }) => l.kind === 'new').map((l: { to: string }) => l.to)).toEqual(['O14', 'O29']);
    expect(await t.container.cycles.find(orgId, 2567)).toBeUndefined();
    const real = (await post({ from: 2566, to: 2567, due: '31/03/2568' })).json();
    expect(real).toMatchObject({ dryRun: false, cycleCreated: true, created: 2 });
    const y = await yearOf(orgId, 2567);
    expect([...y.keys()].sort()).toEqual([`O7/${A}`, `O8/${A}`]);
    for (const a of y.values()) expect(a.dueOn).toBe('2025-03-31');
    expect((await post({ from: 2566, to: 2567, due: '31/03/2568' })).json()).toMatchObject({ created: 0, peopleAdded: 0, cycleCreated: false });
  });

  it('refuses a year pair without a mapping, a bad date and a missing source year, in Thai', async () => {
    const actor = cliActor(orgId);
    await expect(t.container.rollover.rollover(actor, { from: 2567, to: 2569 })).rejects.toMatchObject({ code: 'ROLLOVER_MAPPING_MISSING' });
    await expect(t.container.rollover.rollover(actor, { from: 2566, to: 2567, due: '32/13/2568' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(t.container.rollover.rollover(actor, { from: 2565, to: 2566 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
