import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assignments, auditLog } from '../../src/db/schema.ts';
import { seedOrg } from '../helpers/seed.ts';
import { deliver, postbackEvent, startBot, textEvent, textsOf, uid, type BotContext } from '../line/helpers.ts';

/**
 * Issue 10.1 from the attack's side: an organization admin who is also an item's preparer tries,
 * through the signed webhook, to certify their own work (typed and with crafted buttons). The use
 * case rule is tested in test/core/two-step-review.test.ts; here the whole chat path.
 */
const ADMIN_PREP = uid(0x51);
const CERT = uid(0x52);
let t: BotContext;
let o5: number;
const status = async () => (await t.container.database.db.select().from(assignments).where(eq(assignments.id, o5)))[0]!;
const say = async (userId: string, text: string) => textsOf(await deliver(t, textEvent(t, { userId }, text)));
const press = async (userId: string, data: string) => textsOf(await deliver(t, postbackEvent(t, { userId }, data)));

beforeAll(async () => {
  t = await startBot();
  const s = await seedOrg(t.container, {
    slug: 'sa',
    units: ['กลุ่มงานอำนวยการ'],
    officers: [
      { name: 'นายแอดมิน จัดทำเอง', unit: 'กลุ่มงานอำนวยการ', lineUserId: ADMIN_PREP, isAdmin: true },
      { name: 'นางผู้รับรอง คนอื่น', lineUserId: CERT },
    ],
    // One-step review with only a certifier: the first approval would be final.
    assignments: [{ item: 5, unit: 'กลุ่มงานอำนวยการ', due: '2025-03-31', people: [['นายแอดมิน จัดทำเอง', 'preparer'], ['นางผู้รับรอง คนอื่น', 'certifier']] }],
  });
  o5 = s.assignmentIds[0]!;
});
afterAll(() => t.close());
beforeEach(() => t.standIn.reset());

describe('an admin who prepared an item', () => {
  it('adds evidence and submits it, then cannot certify it: typed or with a crafted button', async () => {
    expect(await say(ADMIN_PREP, 'ลิงก์ O5 https://sa.go.th/ita/o5')).toContain('แนบลิงก์หลักฐาน O5 แล้ว');
    const v = (await status()).version;
    expect(await press(ADMIN_PREP, `a=submit&id=${o5}&v=${v}&c=1`)).toContain('ส่งตรวจ O5 แล้ว');
    const submitted = await status();
    expect(submitted.status).toBe('submitted');
    // Typed, the command looks for O5 among the items they review: there is none.
    expect(await say(ADMIN_PREP, 'รับรอง O5')).toContain('คุณไม่ได้เป็นผู้กำกับติดตามหรือผู้รับรองข้อมูลของข้อ O5');
    expect(await press(ADMIN_PREP, `a=approve&id=${o5}&v=${submitted.version}`)).toContain('จึงตรวจหรือรับรองรายการนี้เองไม่ได้');
    expect(await press(ADMIN_PREP, `a=check&id=${o5}&v=${submitted.version}`)).toContain('จึงตรวจหรือรับรองรายการนี้เองไม่ได้');
    expect((await status()).status).toBe('submitted');
    const decided = await t.container.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, String(o5)), like(auditLog.action, 'assignment.%')));
    expect(decided.map((a) => a.action)).toEqual(['assignment.submit']);
  });

  it('another officer certifies it; the admin pressing an old card is refused as its preparer, never told they approved it', async () => {
    const v = (await status()).version;
    expect(await say(CERT, 'รับรอง O5')).toContain('รับรอง O5 แล้ว');
    expect((await status()).status).toBe('approved');
    const stale = await press(ADMIN_PREP, `a=approve&id=${o5}&v=${v}`);
    expect(stale).not.toContain('รับรอง O5 แล้ว');
    expect(stale).toContain('คุณเป็นผู้จัดทำหรือผู้ส่งตรวจ O5 จึงตรวจหรือรับรองรายการนี้เองไม่ได้');
  });
});
