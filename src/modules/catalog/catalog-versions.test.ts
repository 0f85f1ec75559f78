import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFile, catalogFrom } from '../../../test/helpers/catalog-support.ts';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { csvBytes, TH_HEADERS } from '../../../test/helpers/import-support.ts';
import { assignments, auditLog, catalogItems, componentTicks } from '../../db/schema.ts';
import { cliActor, cliOperator } from '../auth/actor.ts';
import type { CatalogContent } from './catalog.content.ts';

let t: TestContext;
beforeAll(async () => { t = await createTestContext(); });
afterAll(() => t.close());

const db = () => t.container.database.db;
const load = async (c: CatalogContent, dryRun = false) =>
  t.container.catalogImport.importFile(cliOperator, { ...(await catalogFile(c)), year: c.year, dryRun });

async function orgWithAssignments(slug: string, year: number) {
  const org = await t.container.orgs.create({ slug, name: `หน่วยงาน ${slug}` });
  const actor = cliActor(org.id);
  const bytes = csvBytes([TH_HEADERS, ...[1, 2, 3, 28].map((n) => [`O${n}`, 'กลุ่มงานยุทธศาสตร์', '', 'นางสาวสมศรี ทดสอบ', '', 'ผู้จัดทำ', '31/03/2570', ''])]);
  await t.container.imports.importSheet(actor, { fileName: 'a.csv', bytes, year });
  return { org, actor };
}

const itemsOf = (orgId: number) => db()
  .select({ code: catalogItems.code, version: catalogItems.version, title: catalogItems.title, status: assignments.status, v: assignments.version })
  .from(assignments).innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
  .where(eq(assignments.orgId, orgId)).orderBy(catalogItems.number);

describe('a corrected catalog once assignments use it', () => {
  it('becomes version 2: open items move to it, approved and not-applicable ones keep version 1, audited per organization', async () => {
    await load(catalogFrom(2569));
    const { org } = await orgWithAssignments('versions-a', 2569);
    await db().update(assignments).set({ status: 'approved' }).where(and(eq(assignments.orgId, org.id), eq(assignments.itemId, (await t.container.catalog.resolve(2569, 'O2')).id)));
    await db().update(assignments).set({ status: 'not_applicable', statusNote: 'ไม่มี เนื่องจากไม่มีงบลงทุน' }).where(and(eq(assignments.orgId, org.id), eq(assignments.itemId, (await t.container.catalog.resolve(2569, 'O3')).id)));

    const corrected = catalogFrom(2569, 2568, (c) => {
      c.items[0]!.components[1] = 'แสดงตำแหน่งที่สำคัญและการแบ่งส่วนงานภายใน (แก้ไข)';
      c.items[1]!.title = 'ข้อมูลผู้บริหาร (แก้ไข)';
    });
    const dry = await load(corrected, true);
    expect(dry).toMatchObject({ kind: 'versioned', version: 2, previousVersion: 1, repointed: 2, stayed: [] });
    expect((await itemsOf(org.id)).every((a) => a.version === 1)).toBe(true);

    const s = await load(corrected);
    expect(s).toMatchObject({ kind: 'versioned', version: 2, repointed: 2 });
    expect(s.diff!.changed.map((c) => `${c.code}:${c.fields.join('+')}`)).toEqual(['O1:components', 'O2:title']);
    expect(await itemsOf(org.id)).toEqual([
      { code: 'O1', version: 2, title: 'โครงสร้างและอำนาจหน้าที่', status: 'not_started', v: 2 }, // components changed: stale pages refused
      { code: 'O2', version: 1, title: 'ข้อมูลผู้บริหาร', status: 'approved', v: 1 }, // history is not rewritten
      { code: 'O3', version: 1, title: 'ข้อมูลการติดต่อ', status: 'not_applicable', v: 1 },
      { code: 'O28', version: 2, title: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', status: 'not_started', v: 1 },
    ]);
    const repoint = await db().select().from(auditLog).where(and(eq(auditLog.action, 'catalog.repoint'), eq(auditLog.orgId, org.id)));
    expect(repoint.map((r) => r.after)).toEqual([{ year: 2569, version: 2, assignments: 2 }]);
    expect((await t.container.catalog.resolve(2569, 'O2')).title).toBe('ข้อมูลผู้บริหาร (แก้ไข)');

    // Re-importing the sheet later finds the approved O2 (on version 1): no duplicate assignment.
    const again = await t.container.imports.importSheet(cliActor(org.id), {
      fileName: 'a.csv', year: 2569,
      bytes: csvBytes([TH_HEADERS, ...[1, 2, 3, 28].map((n) => [`O${n}`, 'กลุ่มงานยุทธศาสตร์', '', 'นางสาวสมศรี ทดสอบ', '', 'ผู้จัดทำ', '31/03/2570', ''])]),
    });
    expect(again.unchanged).toBe(true);
  });

  it('keeps open items of an item the new version no longer has where they are, and says so', async () => {
    await load(catalogFrom(2576));
    const { org } = await orgWithAssignments('versions-b', 2576);
    const shorter = catalogFrom(2576, 2568, (c) => { c.items.pop(); });
    const s = await load(shorter);
    expect(s).toMatchObject({ kind: 'versioned', version: 2, repointed: 3, stayed: [{ code: 'O28', n: 1 }] });
    expect((await itemsOf(org.id)).map((a) => `${a.code}@${a.version}`)).toEqual(['O1@2', 'O2@2', 'O3@2', 'O28@1']);
  });
});

describe('component ticks when an open item moves to a corrected version', () => {
  it('keeps ticks whose component text is unchanged (at its new position) and drops the others, audited', async () => {
    await load(catalogFrom(2579));
    const { org, actor } = await orgWithAssignments('ticks', 2579);
    const o1 = (await db().select().from(assignments).where(eq(assignments.orgId, org.id)).orderBy(assignments.id))[0]!;
    await t.container.assignments.setTicks(actor, o1.id, [0, 1, 2]);
    const old = (await t.container.catalog.resolve(2579, 'O1')).components;

    await load(catalogFrom(2579, 2568, (c) => {
      const o = c.items[0]!;
      o.components = ['องค์ประกอบใหม่ที่เพิ่มเข้ามา', old[0]!, `${old[1]} (ถ้อยคำใหม่)`, old[2]!];
    }));
    const ticks = await db().select().from(componentTicks).where(eq(componentTicks.assignmentId, o1.id)).orderBy(componentTicks.componentIndex);
    expect(ticks.map((x) => [x.componentIndex, x.componentText])).toEqual([[1, old[0]], [3, old[2]]]);
    const [remap] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'assignment.ticks.remap'), eq(auditLog.entityId, String(o1.id))));
    expect(remap!.orgId).toBe(org.id);
    expect(remap!.after).toMatchObject({ version: 2, moved: [{ from: 0, to: 1 }, { from: 2, to: 3 }], dropped: [{ index: 1, text: old[1] }] });
    // The page the preparer had open ticks by position: it is stale now.
    expect((await db().select().from(assignments).where(eq(assignments.id, o1.id)))[0]!.version).toBe(o1.version + 1);
  });
});

describe('the catalog a cycle uses', () => {
  it('lets FY 2570 work on the 2569 catalog until NACC publishes 2570\'s, and pins a version that corrections do not move', async () => {
    await load(catalogFrom(2577));
    const org = await t.container.orgs.create({ slug: 'pin', name: 'หน่วยงานตรึงบัญชี' });
    const actor = cliActor(org.id);
    await expect(t.container.imports.importSheet(actor, { fileName: 'a.csv', year: 2578, bytes: csvBytes([TH_HEADERS, ['O1', 'ก.หนึ่ง', '', '', '', '', '', '']]) }))
      .rejects.toMatchObject({ code: 'CATALOG_MISSING' });
    const pinned = await t.container.cycles.pinCatalog(actor, 2578, { catalogYear: 2577, version: null });
    expect(pinned.cycle).toMatchObject({ year: 2578, catalogYear: 2577, catalogVersion: null });
    const s = await t.container.imports.importSheet(actor, { fileName: 'a.csv', year: 2578, bytes: csvBytes([TH_HEADERS, ['O28', 'ก.หนึ่ง', '', '', '', '', '', '']]) });
    expect(s).toMatchObject({ cycleCreated: false, assignmentsCreated: 1 });

    await t.container.cycles.pinCatalog(actor, 2578, { catalogYear: 2577, version: 1 });
    const v2 = await load(catalogFrom(2577, 2568, (c) => { c.items[27]!.components.push('องค์ประกอบใหม่'); }));
    expect(v2).toMatchObject({ kind: 'versioned', version: 2, repointed: 0 }); // pinned: not moved
    expect((await itemsOf(org.id)).map((a) => a.version)).toEqual([1]);

    const follow = await t.container.cycles.pinCatalog(actor, 2578, { catalogYear: 2577, version: null });
    expect(follow).toMatchObject({ version: 2, repointed: 1 });
    expect((await itemsOf(org.id)).map((a) => a.version)).toEqual([2]);
    await expect(t.container.cycles.pinCatalog(actor, 2578, { catalogYear: 2568, version: null })).rejects.toMatchObject({ code: 'CATALOG_PIN_IN_USE' });
  });
});

describe('a changed built-in catalog at start-up', () => {
  it('reloads idempotently: unchanged data does nothing; a correction of a used catalog is a new version whose open items keep their status, people and evidence', async () => {
    const { createCatalogService } = await import('./catalog.usecases.ts');
    const { createCatalogRepository } = await import('./catalog.repository.ts');
    const { OPEN_STATUSES } = await import('../assignments/workflow.ts');
    const { readBuiltInCatalogs } = await import('./catalog.data.ts');
    const { contentHash } = await import('./catalog.content.ts');
    const builtIns = readBuiltInCatalogs();
    const corrected = builtIns.map((f) => {
      if (f.year !== 2567) return f;
      const c = structuredClone(f);
      c.items[0]!.title = 'โครงสร้าง (ฉบับแก้ไข)';
      return { ...c, contentHash: contentHash(c) };
    });
    const service = (files: typeof builtIns) => createCatalogService({
      repo: createCatalogRepository(db()), audit: t.container.audit, clock: t.clock, openStatuses: OPEN_STATUSES, files: () => files,
    });
    expect((await service(builtIns).loadBuiltIn()).map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);

    const org = await t.container.orgs.create({ slug: 'builtin-reload', name: 'หน่วยงานเดิม' });
    const actor = cliActor(org.id);
    await t.container.imports.importSheet(actor, { fileName: 'a.csv', year: 2567, bytes: csvBytes([TH_HEADERS, ['O1', 'ก.หนึ่ง', '', 'นายหนึ่ง ทดสอบ', '', 'ผู้จัดทำ', '31/03/2567', '']]) });
    const [a] = await db().select().from(assignments).where(eq(assignments.orgId, org.id));
    await t.container.assignments.addEvidence(actor, a!.id, { url: 'https://www.example.go.th/ita/o1' });
    await t.container.assignments.transition(actor, a!.id, 'start');
    const before = (await db().select().from(assignments).where(eq(assignments.id, a!.id)))[0]!;

    const reload = await service(corrected).loadBuiltIn();
    expect(reload.find((r) => r.year === 2567)).toMatchObject({ outcome: 'versioned', changed: true });
    const after = (await db().select().from(assignments).where(eq(assignments.id, a!.id)))[0]!;
    expect({ ...after, itemId: 0 }).toEqual({ ...before, itemId: 0 }); // status, note, version, due date unchanged
    expect(after.itemId).not.toBe(before.itemId);
    expect((await t.container.catalog.resolve(2567, 'O1')).title).toBe('โครงสร้าง (ฉบับแก้ไข)');
    // A second start-up with the same data: nothing.
    expect((await service(corrected).loadBuiltIn()).map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('never replaces a catalog an admin imported for a year that also has a built-in one', async () => {
    const { createCatalogService } = await import('./catalog.usecases.ts');
    const { createCatalogRepository } = await import('./catalog.repository.ts');
    const { OPEN_STATUSES } = await import('../assignments/workflow.ts');
    await load(catalogFrom(2566, 2566, (c) => { c.items[0]!.title = 'โครงสร้าง (ตามประกาศแก้ไขของสำนักงาน ป.ป.ช.)'; }));
    const r = await createCatalogService({ repo: createCatalogRepository(db()), audit: t.container.audit, clock: t.clock, openStatuses: OPEN_STATUSES }).loadBuiltIn();
    expect(r.find((x) => x.year === 2566)).toMatchObject({ outcome: 'skipped', changed: false });
    expect((await t.container.catalog.resolve(2566, 'O1')).title).toBe('โครงสร้าง (ตามประกาศแก้ไขของสำนักงาน ป.ป.ช.)');
  });
});
