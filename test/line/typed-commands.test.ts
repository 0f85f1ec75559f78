import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assignments, evidenceLinks } from '../../src/db/schema.ts';
import { createGroupCode } from '../../src/modules/line/linking/linking.cli.ts';
import { clip } from '../../src/modules/line/chat/flex/common.ts';
import { th } from '../../src/messages/th.ts';
import {
  actionsOf, CERTIFIER, deliver, event, gid, postbackEvent, PREPARER, PREPARER_B, seedPhatthalung, startBot, SUPERVISOR, textEvent, textsOf, uid, type BotContext,
} from './helpers.ts';

/** Every card button also typed: ส่งตรวจ, ตรวจแล้ว / รับรอง, ไม่มีข้อมูล, ลบลิงก์; everyone's งานของฉัน. */
let t: BotContext;
let ids: number[];
const GROUP = gid(20);
const row = async (id: number) => (await t.container.database.db.select().from(assignments).where(eq(assignments.id, id)))[0]!;
const links = async (id: number) => t.container.database.db.select().from(evidenceLinks).where(eq(evidenceLinks.assignmentId, id));
const say = async (userId: string, text: string, groupId?: string) => deliver(t, textEvent(t, { userId, groupId }, text));

beforeAll(async () => {
  t = await startBot();
  ids = (await seedPhatthalung(t)).assignmentIds;
  const { code } = await createGroupCode(t.container, { orgSlug: 'pt' });
  await say(uid(300), `ลงทะเบียน ${code}`, GROUP);
});
afterAll(() => t.close());
beforeEach(() => t.standIn.reset());

describe('งานของฉัน is everyone’s own work', () => {
  it('a supervisor’s lists what waits for their check; the certifier’s lists nothing before it', async () => {
    // Submitted after its due date: waiting for the check is not the preparer's overdue.
    await t.container.database.db.update(assignments).set({ dueOn: '2025-01-05' }).where(eq(assignments.id, ids[2]!));
    const sup = await say(SUPERVISOR, 'งานของฉัน');
    expect(sup[0]!.body.messages[0].altText).toBe('งานของฉัน 1 รายการ (รอคุณตรวจหรือรับรอง 1)');
    expect(actionsOf(sup).some((a) => a.data === `a=check&id=${ids[2]}&v=1`)).toBe(true);
    expect(textsOf(await say(CERTIFIER, 'งานของฉัน'))).not.toContain('O3');
    // The preparer still sees the submitted item, waiting for the check and not overdue.
    const prep = textsOf(await say(PREPARER_B, 'งานของฉัน'));
    expect(prep).toContain('ส่งตรวจแล้ว (รอตรวจ)');
    expect(prep).not.toContain('เกินกำหนด');
  });
});

describe('typed review: ตรวจแล้ว and รับรอง', () => {
  it('the certifier cannot certify before the check; the supervisor checks, then the certifier certifies from her own list', async () => {
    expect(textsOf(await say(CERTIFIER, 'รับรอง O3'))).toContain('O3 ยังรอผู้กำกับติดตามตรวจก่อน');
    expect((await row(ids[2]!)).status).toBe('submitted');
    expect(textsOf(await say(SUPERVISOR, 'ตรวจแล้ว O3'))).toContain('ตรวจ O3 แล้ว ส่งต่อให้ผู้รับรองข้อมูลรับรอง');
    expect((await row(ids[2]!)).status).toBe('checked');
    const mine = await say(CERTIFIER, 'งานของฉัน');
    expect(actionsOf(mine).some((a) => a.data?.startsWith(`a=approve&id=${ids[2]}`))).toBe(true);
    expect(textsOf(await say(CERTIFIER, 'รับรอง ข้อ 3'))).toContain('รับรอง O3 แล้ว รายการนี้เสร็จสมบูรณ์');
    expect((await row(ids[2]!)).status).toBe('approved');
    // The supervisor typing it late hears who finished it.
    expect(textsOf(await say(SUPERVISOR, 'ตรวจแล้ว O3'))).toContain('O3 ได้รับการรับรองแล้วโดย นางผู้รับรอง ข้อมูล');
  });

  it('someone not reviewing the item is told so, and a preparer cannot review their own', async () => {
    expect(textsOf(await say(PREPARER, 'รับรอง O1'))).toContain('คุณไม่ได้เป็นผู้กำกับติดตามหรือผู้รับรองข้อมูลของข้อ O1');
    expect(textsOf(await say(SUPERVISOR, 'รับรอง'))).toContain('พิมพ์: ตรวจแล้ว O12');
    expect((await row(ids[0]!)).status).toBe('not_started');
  });
});

describe('typed work of the preparer: ลิงก์, ลบลิงก์, ส่งตรวจ', () => {
  it('removes a wrong link by its number, submits, and then the evidence is locked', async () => {
    expect(textsOf(await say(PREPARER, 'ส่งตรวจ O2'))).toContain('O2 ยังไม่มีลิงก์หลักฐาน');
    await say(PREPARER, 'ลิงก์ O2 https://pt.go.th/ita/o2');
    await say(PREPARER, 'ลิงก์ O2 https://pt.go.th/ita/wrong');
    const list = textsOf(await say(PREPARER, 'ลบลิงก์ O2'));
    expect(list).toContain('1. https://pt.go.th/ita/o2\n2. https://pt.go.th/ita/wrong');
    // The item's detail numbers them the same way.
    expect(textsOf(await say(PREPARER, 'O2'))).toContain('2. https://pt.go.th/ita/wrong');
    expect(textsOf(await say(PREPARER, 'ลบลิงก์ O2 3'))).toContain('O2 มีลิงก์หลักฐาน 2 รายการ ไม่มีลำดับที่ 3');
    expect(await links(ids[1]!)).toHaveLength(2);
    expect(textsOf(await say(PREPARER, 'ลบลิงก์ O2 2'))).toContain('ลบลิงก์หลักฐานลำดับที่ 2 ของ O2 แล้ว: https://pt.go.th/ita/wrong');
    expect((await links(ids[1]!)).map((l) => l.url)).toEqual(['https://pt.go.th/ita/o2']);
    // Components unticked: the same confirmation as the button, then submitted.
    const ask = await say(PREPARER, 'ส่งตรวจ O2');
    expect(textsOf(ask)).toContain('O2 ยังไม่ได้ติ๊กองค์ประกอบ');
    const confirm = actionsOf(ask).find((a) => a.data?.endsWith('&c=1'))!;
    expect(textsOf(await deliver(t, postbackEvent(t, { userId: PREPARER }, confirm.data!)))).toContain('ส่งตรวจ O2 แล้ว');
    expect((await row(ids[1]!)).status).toBe('submitted');
    expect(textsOf(await say(PREPARER, 'ลบลิงก์ O2 1'))).toContain('จึงแก้ไขหลักฐานหรือองค์ประกอบไม่ได้');
    expect(await links(ids[1]!)).toHaveLength(1);
  });

  it('ส่งตรวจ for an item someone else prepares is refused', async () => {
    expect(textsOf(await say(SUPERVISOR, 'ส่งตรวจ O2'))).toContain('คุณไม่ได้เป็นผู้จัดทำข้อ O2');
    expect(textsOf(await say(PREPARER, 'ส่งตรวจ'))).toContain('พิมพ์: ส่งตรวจ O12');
  });
});

describe('typed not applicable: ไม่มีข้อมูล O1 <เหตุผล>', () => {
  it('needs the reason, stores it, and only the preparer may', async () => {
    expect(textsOf(await say(PREPARER, 'ไม่มีข้อมูล O1'))).toContain('พิมพ์: ไม่มีข้อมูล O12 <เหตุผล>');
    expect(textsOf(await say(PREPARER_B, 'ไม่มีข้อมูล O1 ไม่มีโครงการ'))).toContain('คุณไม่ได้เป็นผู้จัดทำข้อ O1');
    expect((await row(ids[0]!)).status).toBe('not_started');
    const done = await say(PREPARER, 'ไม่มีข้อมูล O1 เนื่องจากปีนี้ไม่มีโครงการที่ต้องเผยแพร่');
    expect(textsOf(done)).toContain('บันทึกแล้วว่า O1 ไม่มีข้อมูล เหตุผล: เนื่องจากปีนี้ไม่มีโครงการที่ต้องเผยแพร่');
    expect(await row(ids[0]!)).toMatchObject({ status: 'not_applicable', statusNote: 'เนื่องจากปีนี้ไม่มีโครงการที่ต้องเผยแพร่' });
    // An approved (final) item offers nothing to snooze.
    expect(actionsOf(await say(PREPARER_B, 'O4')).some((a) => a.data?.startsWith('a=snooze'))).toBe(false);
  });
});

describe('in a group', () => {
  it('งานของฉัน and the preparer’s typed work get a hint to use the 1:1 chat, and change nothing', async () => {
    expect(textsOf(await say(CERTIFIER, 'งานของฉัน', GROUP))).toContain('งานของแต่ละคนดูได้ในแชตส่วนตัวกับบอท');
    expect(textsOf(await say(PREPARER, 'ไม่มีข้อมูล O12 ไม่มี', GROUP))).toContain('คำสั่งนี้ใช้ในแชตส่วนตัวกับบอท');
    expect(textsOf(await say(PREPARER, 'ลบลิงก์ O2 1', GROUP))).toContain('คำสั่งนี้ใช้ในแชตส่วนตัวกับบอท');
    expect((await row(ids[4]!)).status).toBe('not_started');
    expect(await links(ids[1]!)).toHaveLength(1);
    // Ordinary chat stays unanswered.
    expect(await say(PREPARER, 'รับรองครับ', GROUP)).toHaveLength(0);
  });
});

describe('texts', () => {
  it('the help is all Thai and the greeting has no gendered ending', async () => {
    const help = textsOf(await say(PREPARER, 'ช่วยเหลือ'));
    for (const cmd of ['ส่งตรวจ O12', 'ตรวจแล้ว O12', 'รับรอง O12', 'ไม่มีข้อมูล O12 <เหตุผล>', 'ลบลิงก์ O12 <ลำดับ>']) expect(help).toContain(cmd);
    expect(help).not.toMatch(/\((?:my|pending|summary|help)\)/);
    const greet = textsOf(await deliver(t, event(t, { userId: uid(700) }, 'follow')));
    expect(greet).not.toMatch(/ครับ|ค่ะ/);
    expect(th.line.greet.join).not.toMatch(/ครับ|ค่ะ/);
  });

  it('labels are shortened at a word boundary, with the full text shown when pressed', async () => {
    // ICU's dictionary reads ข้อมูล|ไม่|ครบ|องค์|ประกอบ; a cut by letter gave "ข้อมูลไม่ครบองค์ปร…".
    expect(clip('ข้อมูลไม่ครบองค์ประกอบ', 20)).toBe('ข้อมูลไม่ครบองค์…');
    expect(clip('ข้อมูลไม่เป็นปัจจุบันของหน่วยงาน', 20)).toBe('ข้อมูลไม่เป็น…');
    expect(clip('https://example.go.th/a-very-long-path', 20)).toHaveLength(20);
    expect(clip('สั้น', 20)).toBe('สั้น');
    await t.container.database.db.update(assignments).set({ status: 'submitted' }).where(eq(assignments.id, ids[0]!));
    const ask = await deliver(t, postbackEvent(t, { userId: SUPERVISOR }, `a=ret&id=${ids[0]}&v=${(await row(ids[0]!)).version}`));
    const quick = ask[0]!.body.messages[0].quickReply.items.map((i: any) => i.action);
    expect(quick[1]).toMatchObject({ label: 'ข้อมูลไม่ครบองค์…', displayText: 'ส่งกลับแก้ไข O1: ข้อมูลไม่ครบองค์ประกอบ' });
  });
});
