import { inArray } from 'drizzle-orm';
import type { Container } from '../../src/container.ts';
import { assignments } from '../../src/db/schema.ts';
import { cliActor, type Actor } from '../../src/modules/auth/actor.ts';
import { seedOrg } from '../helpers/seed.ts';

export const STRATEGY = 'กลุ่มงานยุทธศาสตร์';
export const FINANCE = 'กลุ่มงานการเงิน';
export const SPECIAL = '-กลุ่มงานพิเศษ';

/**
 * An organization "rpt" on 2568 with what the exports must get right: an item two units
 * approved (O1), one approved and one still in progress with a draft link (O2, returned once
 * with a comment before approval), a formula-looking unit and label (O3), a submitted item (O5),
 * a not-applicable item (O14), and items nobody is assigned to. Transitions go through the real
 * use cases, so the audit log holds the return comment.
 */
export async function seedReportOrg(c: Container, slug = 'rpt') {
  const preparer = 'นางสาวทดสอบ ตัวอย่าง';
  const preparer2 = 'นายสมมติ ใจดี';
  const supervisor = 'นายกำกับ ติดตาม';
  const certifier = 'นางรับรอง ข้อมูล';
  const team: Array<[string, 'preparer' | 'supervisor' | 'certifier']> = [[preparer, 'preparer'], [supervisor, 'supervisor'], [certifier, 'certifier']];
  const finTeam: Array<[string, 'preparer' | 'supervisor' | 'certifier']> = [[preparer2, 'preparer'], [supervisor, 'supervisor'], [certifier, 'certifier']];
  const s = await seedOrg(c, {
    slug,
    units: [STRATEGY, FINANCE, SPECIAL],
    officers: [
      { name: preparer, unit: STRATEGY, position: 'นักวิเคราะห์นโยบายและแผน', lineUserId: `U${'a'.repeat(31)}1` },
      { name: preparer2, unit: FINANCE, position: 'นักวิชาการเงินและบัญชี', lineUserId: `U${'b'.repeat(31)}2` },
      { name: supervisor, unit: STRATEGY, position: 'ผอ.กลุ่มงานยุทธศาสตร์' },
      { name: certifier, position: 'หัวหน้าสำนักงาน' },
    ],
    assignments: [
      { item: 1, unit: STRATEGY, due: '2025-03-31', people: team },
      { item: 1, unit: FINANCE, due: '2025-03-31', people: finTeam },
      { item: 2, unit: STRATEGY, due: '2025-03-31', people: team },
      { item: 2, unit: FINANCE, due: '2025-03-31', people: finTeam },
      { item: 3, unit: SPECIAL, due: '2025-03-31', people: team },
      { item: 4, unit: STRATEGY, due: '2025-02-28', people: team },
      { item: 5, unit: STRATEGY, due: '2025-02-28', people: team },
      { item: 14, unit: STRATEGY, due: '2025-03-31', people: team },
    ],
  });
  const [o1s, o1f, o2s, o2f, o3, , o5, o14] = s.assignmentIds as number[];
  // The finance unit is co-responsible for O1 and O2.
  await c.database.db.update(assignments).set({ responsibility: 'co' }).where(inArray(assignments.id, [o1f!, o2f!]));
  const admin = cliActor(s.org.id);
  const a = c.assignments;
  // Two-step review: the supervisor checks, the certifier certifies (nobody decides what they submitted).
  const as = (name: string): Actor => ({ kind: 'officer', orgId: s.org.id, officerId: s.officerIds.get(name)!, isAdmin: false });
  const review = async (id: number) => {
    await a.transition(as(supervisor), id, 'check');
    await a.transition(as(certifier), id, 'approve');
  };
  const approveWith = async (id: number, links: Array<[string, string | null]>) => {
    for (const [url, label] of links) await a.addEvidence(admin, id, { url, label });
    await a.transition(admin, id, 'submit', { confirmIncomplete: true });
    await review(id);
  };
  await approveWith(o1s!, [['https://www.rpt.go.th/structure', '=1+1 แผนผังโครงสร้าง']]);
  await approveWith(o1f!, [['https://www.rpt.go.th/units/finance-chart', 'แผนผังกลุ่มงานการเงิน']]);
  await a.addEvidence(admin, o2s!, { url: 'https://www.rpt.go.th/executives' });
  await a.transition(admin, o2s!, 'submit', { confirmIncomplete: true });
  await a.transition(admin, o2s!, 'return', { note: 'ลิงก์เปิดไม่ได้ กรุณาแก้ไข' });
  await a.transition(admin, o2s!, 'submit', { confirmIncomplete: true });
  await review(o2s!);
  await a.addEvidence(admin, o2f!, { url: 'https://www.rpt.go.th/finance-draft' });
  await a.transition(admin, o2f!, 'start');
  await approveWith(o3!, [['https://www.rpt.go.th/authority', '=HYPERLINK("https://evil.example","click")']]);
  await a.addEvidence(admin, o5!, { url: 'https://www.rpt.go.th/news' });
  await a.transition(admin, o5!, 'submit', { confirmIncomplete: true });
  await a.transition(admin, o14!, 'mark_not_applicable', { note: 'หน่วยงานไม่มีแผนการจัดซื้อจัดจ้างในปีนี้' });
  return s;
}
