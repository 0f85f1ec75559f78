import { eq } from 'drizzle-orm';
import { organizations } from '../../src/db/schema.ts';
import type { TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';
import { lineId } from './support.ts';

export const STRATEGY = 'กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด';
export const ADMIN_UNIT = 'กลุ่มงานบริหารทั่วไป';
export const PREPARER = { name: 'นางสาวสมศรี ใจดี', line: lineId('preparer') };
export const SUPERVISOR = { name: 'นายสมชาย รักงาน', line: lineId('supervisor') };
export const ADMIN = { name: 'นางมาลี ดูแลดี', line: lineId('admin') };
export const OTHER = { name: 'นายวีระ ขยันยิ่ง', line: lineId('other') };

/**
 * An invented provincial office with the 2568 catalog partly assigned: the preparer has O12
 * (three components) to work on, an overdue O1, items in progress and one already submitted.
 * The clock of the test context is 2025-01-15 (10:00 in Bangkok).
 */
export async function seedAgency(ctx: TestContext) {
  const p = PREPARER.name, s = SUPERVISOR.name, o = OTHER.name;
  const seeded = await seedOrg(ctx.container, {
    slug: 'tambon',
    units: [STRATEGY, ADMIN_UNIT],
    officers: [
      { name: p, unit: STRATEGY, lineUserId: PREPARER.line, position: 'นักวิเคราะห์นโยบายและแผนชำนาญการ' },
      { name: s, unit: STRATEGY, lineUserId: SUPERVISOR.line, position: 'หัวหน้ากลุ่มงานยุทธศาสตร์ฯ' },
      { name: ADMIN.name, unit: ADMIN_UNIT, lineUserId: ADMIN.line, isAdmin: true, position: 'ผู้ดูแลระบบ ITA' },
      { name: o, unit: ADMIN_UNIT, lineUserId: OTHER.line, position: 'เจ้าพนักงานธุรการ' },
    ],
    assignments: [
      { item: 12, unit: STRATEGY, due: '2025-03-31', people: [[p, 'preparer'], [s, 'supervisor']] },
      { item: 1, unit: STRATEGY, due: '2025-01-10', people: [[p, 'preparer'], [s, 'supervisor']] },
      { item: 2, unit: STRATEGY, due: '2025-02-28', status: 'in_progress', people: [[p, 'preparer'], [s, 'supervisor']] },
      { item: 5, unit: STRATEGY, due: '2025-03-31', people: [[p, 'preparer'], [s, 'supervisor']] },
      { item: 13, unit: STRATEGY, due: '2025-03-31', status: 'submitted', people: [[p, 'preparer'], [s, 'supervisor']] },
      { item: 3, unit: ADMIN_UNIT, due: '2025-01-31', people: [[o, 'preparer'], [s, 'supervisor']] },
      { item: 7, unit: ADMIN_UNIT, due: '2025-03-31', status: 'in_progress', people: [[o, 'preparer'], [s, 'supervisor']] },
    ],
  });
  await ctx.container.database.db.update(organizations).set({ name: 'สำนักงานจังหวัดตัวอย่าง', websiteDomains: ['www.example.go.th'] })
    .where(eq(organizations.id, seeded.org.id));
  const [o12, o1] = seeded.assignmentIds;
  return { ...seeded, o12: o12!, o1: o1! };
}
