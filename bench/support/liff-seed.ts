import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { assignmentPeople, assignments, catalogItems, cycles, officers, organizations, units } from '../../src/db/schema.ts';

/**
 * One agency whose preparer has `count` open items (the catalog's items over two units), so the
 * page's "my items" list shows that many cards. Returns the preparer's LINE user id.
 */
export async function seedListAgency(db: Db, count: number, year = 2568): Promise<string> {
  const lineUserId = 'U' + 'b'.repeat(32);
  const [org] = await db.insert(organizations).values({ slug: 'liff-bench', name: 'สำนักงานจังหวัดทดสอบหน้า LIFF' }).returning();
  const unitRows = await db.insert(units).values([
    { orgId: org!.id, name: 'กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด', nameKey: 'liffbench-1' },
    { orgId: org!.id, name: 'กลุ่มงานบริหารทั่วไป', nameKey: 'liffbench-2' },
  ]).returning();
  const [me] = await db.insert(officers).values({ orgId: org!.id, name: 'นางสาวทดสอบ หน้าเว็บ', nameKey: 'liffbench-me', unitId: unitRows[0]!.id, lineUserId }).returning();
  const [cycle] = await db.insert(cycles).values({ orgId: org!.id, year, catalogYear: year }).returning();
  const items = await db.select().from(catalogItems).where(and(eq(catalogItems.year, year)));
  for (let k = 0; k < count; k++) {
    const item = items[k % items.length]!;
    const [a] = await db.insert(assignments).values({
      orgId: org!.id, cycleId: cycle!.id, itemId: item.id, unitId: unitRows[Math.floor(k / items.length) % 2]!.id,
      dueOn: k % 6 === 0 ? '2025-01-10' : '2025-03-31', status: k % 3 === 0 ? 'in_progress' : 'not_started',
    }).returning();
    await db.insert(assignmentPeople).values({ assignmentId: a!.id, officerId: me!.id, role: 'preparer', orgId: org!.id });
  }
  return lineUserId;
}
